//! Numbers
