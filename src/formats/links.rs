//! Word links in the Pharaoh format that fast_align, Moses and most alignment tools
//! read and write: one line per sentence pair (here: per bead), `i-j` pairs separated
//! by spaces, i a Chinese token index and j an English one, both 0-based. A bead with
//! no links (or an empty side) is an empty line, so line k is always bead k.

use std::io::{self, Write};

use crate::wordalign::BeadLinks;

/// One Pharaoh line per link set.
pub fn write_pharaoh(links: &[Vec<(u32, u32)>], out: &mut dyn Write) -> io::Result<()> {
    for bead in links {
        write_line(bead, out)?;
    }
    Ok(())
}

/// One Pharaoh line per bead, over the bead's word tokens.
pub fn write_bead_links(beads: &[BeadLinks], out: &mut dyn Write) -> io::Result<()> {
    for bead in beads {
        write_line(&bead.links, out)?;
    }
    Ok(())
}

fn write_line(links: &[(u32, u32)], out: &mut dyn Write) -> io::Result<()> {
    for (k, (i, j)) in links.iter().enumerate() {
        if k > 0 {
            out.write_all(b" ")?;
        }
        write!(out, "{i}-{j}")?;
    }
    out.write_all(b"\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_line_per_bead_empty_beads_included() {
        let mut out = Vec::new();
        write_pharaoh(&[vec![(0, 0), (1, 2)], vec![], vec![(3, 1)]], &mut out).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "0-0 1-2\n\n3-1\n");
    }
}
