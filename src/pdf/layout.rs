//! Positioned glyphs -> the text a reader reads, as Markdown.
//!
//! 1. Per page, regions in reading order by recursive cuts along white space
//!    (XY-cut): a vertical gutter that runs through consecutive rows of text splits
//!    columns, read one after the other; otherwise the page is read top to bottom.
//!    Tables are found first (cells split by white space through all their rows, a
//!    column of numbers) and read row by row, each row one line, cells tab-separated.
//! 2. Lines: glyphs sharing a baseline; spaces where glyphs stand apart; superscript
//!    reference marks noted.
//! 3. Page furniture: lines at the top or bottom of a page whose text (digits aside)
//!    recurs there on most pages — running heads, feet, page numbers — are dropped,
//!    as is a lone page number, and table-of-contents entries (dot leaders and a page
//!    number), which would repeat the headings.
//! 4. Footnotes: a run of lines smaller than the body text at the foot of a column,
//!    opening with a note mark, is kept apart and written after the body.
//! 5. Paragraphs: a line continues the one before unless the spacing between them
//!    grows, the font changes, the new line is indented, or the one before stopped
//!    short of the column's edge with room for the next line's first word. A bullet
//!    opens a list item, whose further lines keep to its text's edge (a hanging
//!    indent); the bullet is left out of the text. Chinese lines join without a
//!    space; an English word hyphenated across lines is rejoined (the hyphen stays
//!    when the document writes that word with a hyphen elsewhere, when the word is a
//!    compound, or when the document shows no hyphenation).
//! 6. Headings: short paragraphs set larger than the body text, or bold when the body
//!    is not, or numbered and set in another typeface; levels by size and weight,
//!    then typeface and numbering style in the order they appear.

use std::collections::{HashMap, HashSet};

/// A glyph placed on the page: its text, the start of its baseline (page space, y
/// up), its advance and the font size on the page.
#[derive(Clone, Debug, PartialEq)]
pub struct Glyph {
    pub text: String,
    pub x: f32,
    pub y: f32,
    pub dx: f32,
    pub dy: f32,
    pub size: f32,
    pub bold: bool,
    /// The typeface family, as a number (equal numbers, one family).
    pub font: u32,
}

/// One page: its size and its glyphs in drawing order.
#[derive(Clone, Debug, Default)]
pub struct Page {
    pub width: f32,
    pub height: f32,
    pub glyphs: Vec<Glyph>,
}

/// What [`read`] makes of the pages.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Layout {
    /// Paragraphs one per line, headings as `#` lines, footnotes at the end.
    pub markdown: String,
    /// Paragraphs written as headings.
    pub headings: usize,
    /// Lines dropped as running heads, feet and page numbers.
    pub furniture: usize,
    /// Footnotes written after the body.
    pub footnotes: usize,
}

/// Chinese, Japanese and Korean characters and full-width punctuation: no space
/// between them and what follows.
fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x2FDF | 0x3000..=0x30FF | 0x3100..=0x31FF | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0xFE30..=0xFE4F
        | 0xFF00..=0xFFEF | 0x20000..=0x3134F)
}

/// Latin ligature glyphs (U+FB00..FB06) as their letters.
fn unligature(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\u{FB00}' => out.push_str("ff"),
            '\u{FB01}' => out.push_str("fi"),
            '\u{FB02}' => out.push_str("fl"),
            '\u{FB03}' => out.push_str("ffi"),
            '\u{FB04}' => out.push_str("ffl"),
            '\u{FB05}' | '\u{FB06}' => out.push_str("st"),
            '\0' => {}
            c => out.push(c),
        }
    }
    out
}

/// A glyph prepared for layout: horizontal, with its width.
#[derive(Clone, Debug)]
struct Mark {
    text: String,
    x: f32,
    y: f32,
    w: f32,
    size: f32,
    bold: bool,
    font: u32,
}

impl Mark {
    fn blank(&self) -> bool {
        self.text.trim().is_empty()
    }
    fn x1(&self) -> f32 {
        self.x + self.w
    }
    /// The box of the glyph: baseline to a little below (descenders) and to the cap height.
    fn top(&self) -> f32 {
        self.y + 0.75 * self.size
    }
    fn bottom(&self) -> f32 {
        self.y - 0.2 * self.size
    }
}

/// The glyphs of a page, turned so that text runs left to right: a page set mostly in
/// vertical lines (advancing downwards) is read as if turned a quarter to the left,
/// so that its right-most column comes first. Glyphs set at other angles are left out.
fn marks(page: &Page) -> Vec<Mark> {
    let down = page.glyphs.iter().filter(|g| g.dy < -g.dx.abs()).count();
    let vertical = down * 2 > page.glyphs.len();
    page.glyphs
        .iter()
        .filter_map(|g| {
            let (x, y, dx, dy) = if vertical {
                (-g.y, g.x, -g.dy, g.dx)
            } else {
                (g.x, g.y, g.dx, g.dy)
            };
            let size = g.size.abs().max(0.5);
            (dx >= -0.01 * size && dy.abs() <= 0.2 * size + dx.abs() * 0.1).then(|| Mark {
                text: unligature(&g.text),
                x,
                y,
                w: dx.max(0.0),
                size,
                bold: g.bold,
                font: g.font,
            })
        })
        .filter(|m| !m.text.is_empty())
        .collect()
}

/// A line of text: glyphs on one baseline within one column.
#[derive(Clone, Debug)]
struct Line {
    page: usize,
    /// Column (region) id, unique over the document.
    column: usize,
    col_x0: f32,
    col_x1: f32,
    x0: f32,
    x1: f32,
    baseline: f32,
    /// The size most of its characters have.
    size: f32,
    bold: bool,
    /// The typeface family most of its characters are set in.
    font: u32,
    /// The text, superscript marks left out.
    text: String,
    /// A superscript mark (or number) opening the line, as footnotes open.
    opens_with_mark: bool,
    /// Width of the first word (for "would it have fit on the line before").
    first_word: f32,
    chars: usize,
    /// The line opens a list item: its bullet is left out of `text`, and `text_x0` is
    /// where the item's text starts, the edge its further lines keep to.
    bullet: bool,
    text_x0: f32,
    /// A table row, its cells separated by tabs.
    table: bool,
}

/// Columns of one page, in reading order, each a list of leaves (groups of glyph
/// indices that hold one or a few lines).
struct Column {
    x0: f32,
    x1: f32,
    leaves: Vec<Vec<usize>>,
    /// For a table, the x where each cell ends and the next begins; its leaves are
    /// its rows.
    cells: Option<Vec<f32>>,
}

fn median(mut v: Vec<f32>) -> f32 {
    if v.is_empty() {
        return 0.0;
    }
    let mid = v.len() / 2;
    *v.select_nth_unstable_by(mid, f32::total_cmp).1
}

/// Horizontal extent and the white-space gaps between the glyphs wider than `ems`
/// times the larger font size on either side (so a title's word spaces are no gutter).
fn vertical_gaps(marks: &[Mark], items: &[usize], ems: f32) -> (f32, f32, Vec<(f32, f32)>) {
    let mut spans: Vec<(f32, f32, f32)> = items
        .iter()
        .map(|&i| &marks[i])
        .filter(|m| !m.blank())
        .map(|m| (m.x, m.x1().max(m.x), m.size))
        .collect();
    spans.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut gaps = Vec::new();
    let Some(&(x0, first_end, first_size)) = spans.first() else {
        return (0.0, 0.0, gaps);
    };
    let (mut reach, mut reach_size) = (first_end, first_size);
    for &(s, e, size) in &spans[1..] {
        if s - reach >= ems * size.max(reach_size) {
            gaps.push((reach, s));
        }
        if e > reach {
            (reach, reach_size) = (e, size);
        }
    }
    (x0, reach, gaps)
}

/// A gutter: a gap wide enough with a fifth of the width or more on each side.
fn gutters(x0: f32, x1: f32, gaps: Vec<(f32, f32)>) -> Vec<(f32, f32)> {
    let width = x1 - x0;
    gaps.into_iter()
        .filter(|&(g0, g1)| g0 - x0 >= 0.2 * width && x1 - g1 >= 0.2 * width)
        .collect()
}

/// Rows of glyphs separated by horizontal white space, top first.
fn strips(marks: &[Mark], items: &[usize]) -> Vec<Vec<usize>> {
    let mut order: Vec<usize> = items.to_vec();
    order.sort_by(|&a, &b| marks[b].top().total_cmp(&marks[a].top()));
    let mut out: Vec<Vec<usize>> = Vec::new();
    let mut floor = f32::INFINITY;
    let mut blanks = Vec::new();
    for i in order {
        let m = &marks[i];
        if m.blank() {
            blanks.push(i);
            continue;
        }
        if out.is_empty() || m.top() < floor {
            out.push(Vec::new());
            floor = m.bottom();
        }
        floor = floor.min(m.bottom());
        out.last_mut().expect("a strip").push(i);
    }
    // Spaces go with the strip whose band holds their baseline.
    for (k, i) in strips_of_blanks(marks, &out, &blanks) {
        out[k].push(i);
    }
    out
}

/// For each space (in the order given) that has one, the first strip with a glyph whose
/// baseline is within 0.3 of its size of the space's baseline. A sweep up the page keeps
/// the glyphs whose band holds the current baseline, the top-most strip first: asking
/// every strip for every space took spaces times glyphs (10 s for a crafted page of
/// 90,000 lines and as many spaces, and without bound under the default limits).
fn strips_of_blanks(
    marks: &[Mark],
    strips: &[Vec<usize>],
    blanks: &[usize],
) -> Vec<(usize, usize)> {
    use std::cmp::Reverse;
    use std::collections::BinaryHeap;
    if blanks.is_empty() {
        return Vec::new();
    }
    // Each glyph's band of baselines, lowest first: (low, high, strip).
    let mut bands: Vec<(f32, f32, usize)> = strips
        .iter()
        .enumerate()
        .flat_map(|(k, s)| {
            s.iter().map(move |&j| {
                let m = &marks[j];
                (m.y - 0.3 * m.size, m.y + 0.3 * m.size, k)
            })
        })
        .collect();
    bands.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut by_y: Vec<usize> = (0..blanks.len()).collect();
    by_y.sort_by(|&a, &b| marks[blanks[a]].y.total_cmp(&marks[blanks[b]].y));
    let mut strip_of = vec![None; blanks.len()];
    // Bands begun below the baseline, by strip then band; those ended below it are
    // dropped when they come to the top.
    let mut open = BinaryHeap::new();
    let mut next = 0;
    for b in by_y {
        let y = marks[blanks[b]].y;
        while let Some(&(_, _, k)) = bands.get(next).filter(|band| band.0 <= y) {
            open.push(Reverse((k, next)));
            next += 1;
        }
        while let Some(&Reverse((_, band))) = open.peek() {
            if bands[band].1 >= y {
                break;
            }
            open.pop();
        }
        strip_of[b] = open.peek().map(|&Reverse((k, _))| k);
    }
    blanks
        .iter()
        .zip(strip_of)
        .filter_map(|(&i, k)| Some((k?, i)))
        .collect()
}

/// Reading order of one page: columns, each with its leaves top to bottom.
fn page_columns(marks: &[Mark]) -> Vec<Column> {
    let mut columns = Vec::new();
    if !marks.is_empty() {
        cut(marks, (0..marks.len()).collect(), true, 0, &mut columns);
    }
    columns
}

/// A gutter between columns is at least this many ems wide (word spaces are a
/// quarter to half an em, even in justified lines most stay under one).
const GUTTER_EMS: f32 = 0.9;

/// Rows of one region compared for columns side by side at most.
const MAX_GROUPED_ROWS: usize = 2_000;

/// Nesting of cuts followed at most (columns within columns...).
const MAX_CUT_DEPTH: usize = 24;

/// Cut `items` into columns in reading order, appended to `out`. Tables among them
/// (see [`tables`]) become columns of their own. A vertical gutter through all of
/// them splits them in two; otherwise they are read as rows, top to
/// bottom, and consecutive rows that share a gutter (columns set side by side under
/// a full-width title, say) are cut apart as one block.
fn cut(marks: &[Mark], items: Vec<usize>, may_group: bool, depth: usize, out: &mut Vec<Column>) {
    let size = median(items.iter().map(|&i| marks[i].size).collect());
    let min_gap = GUTTER_EMS * size;
    let rows = strips(marks, &items);
    // A table's columns would pass for columns of text: tables are found first, and
    // read row by row; what lies around them is cut as any region is.
    let found = if depth < MAX_CUT_DEPTH {
        tables(marks, &rows, size)
    } else {
        Vec::new()
    };
    if !found.is_empty() {
        let n = rows.len();
        let mut rows: Vec<Option<Vec<usize>>> = rows.into_iter().map(Some).collect();
        let mut take = |range: std::ops::Range<usize>| -> Vec<Vec<usize>> {
            rows[range]
                .iter_mut()
                .map(|r| r.take().expect("each row once"))
                .collect()
        };
        let mut next = 0;
        for table in found {
            let before = take(next..table.start).concat();
            if !before.is_empty() {
                cut(marks, before, may_group, depth + 1, out);
            }
            let strips = take(table.start..table.end);
            let (x0, x1, _) = vertical_gaps(marks, &strips.concat(), f32::INFINITY);
            out.push(Column {
                x0,
                x1,
                leaves: table
                    .rows
                    .iter()
                    .map(|r| {
                        r.iter()
                            .flat_map(|&k| strips[k - table.start].clone())
                            .collect()
                    })
                    .collect(),
                cells: Some(table.cells),
            });
            next = table.end;
        }
        let after = take(next..n).concat();
        if !after.is_empty() {
            cut(marks, after, may_group, depth + 1, out);
        }
        return;
    }
    let (x0, x1, gaps) = vertical_gaps(marks, &items, GUTTER_EMS);
    let gutter = gutters(x0, x1, gaps)
        .into_iter()
        .max_by(|a, b| (a.1 - a.0).total_cmp(&(b.1 - b.0)));
    if let (Some((g0, g1)), true) = (gutter, depth < MAX_CUT_DEPTH) {
        let middle = (g0 + g1) / 2.0;
        let (left, right): (Vec<usize>, Vec<usize>) = items
            .iter()
            .partition(|&&i| marks[i].x + marks[i].w / 2.0 < middle);
        // Columns stand side by side: rows of one face rows of the other (a short
        // line under a running head off to one side is no column).
        if facing_rows(marks, &left, &right) >= 2 {
            cut(marks, left, true, depth + 1, out);
            cut(marks, right, true, depth + 1, out);
            return;
        }
    }
    // Grouping compares rows with rows: a page of thousands of rows (hostile or a
    // huge table) is read as plain rows.
    let blocks = if may_group && depth < MAX_CUT_DEPTH && rows.len() <= MAX_GROUPED_ROWS {
        side_by_side(marks, &rows, x0, x1, min_gap)
    } else {
        Vec::new()
    };
    let mut plain = Column {
        x0,
        x1,
        leaves: Vec::new(),
        cells: None,
    };
    let mut rows: Vec<Option<Vec<usize>>> = rows.into_iter().map(Some).collect();
    let mut next = 0;
    for (b, e) in blocks
        .into_iter()
        .chain(std::iter::once((rows.len(), rows.len())))
    {
        for row in &mut rows[next..b] {
            plain.leaves.push(row.take().expect("each row once"));
        }
        if b == e {
            break;
        }
        if !plain.leaves.is_empty() {
            let leaves = std::mem::take(&mut plain.leaves);
            out.push(Column {
                x0,
                x1,
                leaves,
                cells: None,
            });
        }
        let block: Vec<usize> = rows[b..e]
            .iter_mut()
            .flat_map(|r| r.take().expect("each row once"))
            .collect();
        cut(marks, block, false, depth + 1, out);
        next = e;
    }
    if !plain.leaves.is_empty() {
        out.push(plain);
    }
}

/// A table among the rows of a region.
struct Table {
    /// Its rows of the region, `start..end`.
    start: usize,
    end: usize,
    /// The x where each cell ends and the next begins.
    cells: Vec<f32>,
    /// The table's rows, each one or more rows of the region (a wrapped cell's lines).
    rows: Vec<Vec<usize>>,
}

/// The white space of a row: the complement of its glyphs' extents.
fn free_space(marks: &[Mark], row: &[usize]) -> Vec<(f32, f32)> {
    let mut spans: Vec<(f32, f32)> = row
        .iter()
        .map(|&i| &marks[i])
        .filter(|m| !m.blank())
        .map(|m| (m.x, m.x1().max(m.x)))
        .collect();
    spans.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut free = Vec::new();
    let mut from = f32::NEG_INFINITY;
    for (s, e) in spans {
        if s > from {
            free.push((from, s));
        }
        from = from.max(e);
    }
    free.push((from, f32::INFINITY));
    free
}

/// The parts of `gaps` that `free` also leaves open, `min_gap` wide or more (both
/// sorted and disjoint).
fn open_parts(gaps: &[(f32, f32)], free: &[(f32, f32)], min_gap: f32) -> Vec<(f32, f32)> {
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::new();
    while i < gaps.len() && j < free.len() {
        let (a, b) = (gaps[i].0.max(free[j].0), gaps[i].1.min(free[j].1));
        if b - a >= min_gap {
            out.push((a, b));
        }
        if gaps[i].1 < free[j].1 {
            i += 1;
        } else {
            j += 1;
        }
    }
    out
}

/// How many of `gaps` hold one of `open` (each of which lies within one of them; both
/// sorted).
fn held_gaps(gaps: &[(f32, f32)], open: &[(f32, f32)]) -> usize {
    let (mut held, mut g, mut last) = (0, 0, usize::MAX);
    for &(_, end) in open {
        while g < gaps.len() && gaps[g].1 < end {
            g += 1;
        }
        if g < gaps.len() && g != last {
            (held, last) = (held + 1, g);
        }
    }
    held
}

/// What a table cell holds: a number ("1,260", "-3.5%", "(12)"), other text, or nothing
/// to say (empty, or a dash for no value).
fn numeric_cell(text: &str) -> Option<bool> {
    if !text.chars().any(char::is_alphanumeric) {
        return None;
    }
    Some(
        text.chars().any(|c| c.is_ascii_digit())
            && text.chars().all(|c| {
                c.is_ascii_digit() || c.is_whitespace() || ",.%‰+-−–()（）$¥€£/:".contains(c)
            }),
    )
}

/// Tables among `rows` (top first), in order. A table is a run of two or more rows
/// split into cells by white space running down through all of them (rows between
/// that hold one cell, such as a cell's second line, included), with numbers in most
/// cells of a column other than the first. Columns of text never hold numbers line
/// after line; a numbered list or notes have their numbers in the first column only.
fn tables(marks: &[Mark], rows: &[Vec<usize>], size: f32) -> Vec<Table> {
    let min_gap = GUTTER_EMS * size;
    let own_gaps: Vec<Vec<(f32, f32)>> = rows
        .iter()
        .map(|r| vertical_gaps(marks, r, GUTTER_EMS).2)
        .collect();
    let mut found = Vec::new();
    let mut k = 0;
    while k < rows.len() {
        if own_gaps[k].is_empty() {
            k += 1;
            continue;
        }
        let (mut gaps, mut end, mut last, mut split_rows) = (own_gaps[k].clone(), k + 1, k, 1);
        while end < rows.len() {
            let open = open_parts(&gaps, &free_space(marks, &rows[end]), min_gap);
            // A row of one cell keeps to the columns; a row of cells may close a gap
            // (a heading spanning two columns).
            let closes = held_gaps(&gaps, &open) < gaps.len();
            if open.is_empty() || (closes && own_gaps[end].is_empty()) {
                break;
            }
            gaps = open;
            if !own_gaps[end].is_empty() {
                (last, split_rows) = (end, split_rows + 1);
            }
            end += 1;
        }
        match (split_rows >= 2)
            .then(|| table(marks, rows, k, last + 1, size))
            .flatten()
        {
            Some(t) => {
                k = t.end;
                found.push(t);
            }
            None => k = end,
        }
    }
    found
}

/// Rows `start..end` as a table, if a column other than the first holds numbers.
fn table(
    marks: &[Mark],
    rows: &[Vec<usize>],
    start: usize,
    end: usize,
    size: f32,
) -> Option<Table> {
    let items: Vec<usize> = rows[start..end].concat();
    let bounds: Vec<f32> = vertical_gaps(marks, &items, GUTTER_EMS)
        .2
        .iter()
        .map(|&(a, b)| (a + b) / 2.0)
        .collect();
    if bounds.is_empty() {
        return None;
    }
    let column_of = |i: usize| bounds.partition_point(|&b| b < marks[i].x + marks[i].w / 2.0);
    // Each row's cells' text, by column.
    let cells: Vec<Vec<String>> = rows[start..end]
        .iter()
        .map(|r| {
            let mut glyphs: Vec<usize> = r.iter().copied().filter(|&i| !marks[i].blank()).collect();
            glyphs.sort_by(|&a, &b| marks[a].x.total_cmp(&marks[b].x));
            let mut cells = vec![String::new(); bounds.len() + 1];
            for i in glyphs {
                cells[column_of(i)].push_str(&marks[i].text);
            }
            cells
        })
        .collect();
    let numeric = (1..=bounds.len()).any(|c| {
        let (mut numbers, mut words) = (0, 0);
        for row in &cells {
            match numeric_cell(&row[c]) {
                Some(true) => numbers += 1,
                Some(false) => words += 1,
                None => {}
            }
        }
        numbers >= 2 && numbers > words
    });
    if !numeric {
        return None;
    }
    // A cell's further lines sit closer to the line above than rows sit to each other
    // (rows have padding or rules between them), and leave empty a cell that the row
    // above fills.
    let baselines: Vec<(f32, f32)> = rows[start..end]
        .iter()
        .map(|r| {
            r.iter()
                .filter(|&&i| !marks[i].blank())
                .fold((f32::NEG_INFINITY, f32::INFINITY), |(top, bottom), &i| {
                    (top.max(marks[i].y), bottom.min(marks[i].y))
                })
        })
        .collect();
    let spacing: Vec<f32> = baselines.windows(2).map(|w| w[0].1 - w[1].0).collect();
    let tight = spacing.iter().copied().fold(f32::INFINITY, f32::min);
    let slack = 0.25 * size;
    let two_spacings = spacing.iter().any(|&s| s > tight + slack);
    let mut table_rows: Vec<Vec<usize>> = Vec::new();
    let mut filled = vec![false; bounds.len() + 1];
    for (k, row) in cells.iter().enumerate() {
        let continues = k > 0
            && two_spacings
            && spacing[k - 1] <= tight + slack
            && row
                .iter()
                .zip(&filled)
                .any(|(cell, &f)| f && cell.is_empty());
        if !continues {
            table_rows.push(Vec::new());
            filled.iter_mut().for_each(|f| *f = false);
        }
        table_rows.last_mut().expect("a row").push(start + k);
        for (f, cell) in filled.iter_mut().zip(row) {
            *f |= !cell.is_empty();
        }
    }
    Some(Table {
        start,
        end,
        cells: bounds,
        rows: table_rows,
    })
}

/// How many rows of `left` share height with a row of `right`.
fn facing_rows(marks: &[Mark], left: &[usize], right: &[usize]) -> usize {
    let bands = |items: &[usize]| -> Vec<(f32, f32)> {
        strips(marks, items)
            .iter()
            .map(|r| {
                r.iter()
                    .fold((f32::INFINITY, f32::NEG_INFINITY), |(lo, hi), &i| {
                        (lo.min(marks[i].bottom()), hi.max(marks[i].top()))
                    })
            })
            .collect()
    };
    let right = bands(right);
    bands(left)
        .iter()
        .filter(|(lo, hi)| right.iter().any(|(rlo, rhi)| rlo < hi && lo < rhi))
        .count()
}

/// Ranges `[start, end)` of consecutive rows set in columns side by side: rows with a
/// gutter in common, and rows next to them that lie wholly on one side of it.
fn side_by_side(
    marks: &[Mark],
    rows: &[Vec<usize>],
    x0: f32,
    x1: f32,
    min_gap: f32,
) -> Vec<(usize, usize)> {
    // Every wide gap of each row: a column's short last line leaves a gap wider than
    // the gutter, starting further left, that still holds it.
    let row_gaps: Vec<Vec<(f32, f32)>> = rows
        .iter()
        .map(|r| vertical_gaps(marks, r, GUTTER_EMS).2)
        .collect();
    let extent: Vec<(f32, f32)> = rows
        .iter()
        .map(|r| {
            let (a, b, _) = vertical_gaps(marks, r, f32::INFINITY);
            (a, b)
        })
        .collect();
    let band: Vec<(f32, f32)> = rows
        .iter()
        .map(|r| {
            r.iter()
                .fold((f32::INFINITY, f32::NEG_INFINITY), |(lo, hi), &i| {
                    (lo.min(marks[i].bottom()), hi.max(marks[i].top()))
                })
        })
        .collect();
    // A row on one side of the gutter, close to its neighbour `near` (a heading after
    // the columns stands apart, a column's last lines do not).
    let one_side = |k: usize, near: usize, g: (f32, f32)| {
        let gap = (band[near].0 - band[k].1).max(band[k].0 - band[near].1);
        (extent[k].1 <= g.1 || extent[k].0 >= g.0) && gap <= min_gap
    };
    // The rows from `k` on that share a gutter seeded by `seed`: (end, gutter rows, gutter).
    let extend = |k: usize, seed: (f32, f32)| {
        let mut shared = seed;
        let mut gutter_rows = 1;
        let mut end = k + 1;
        while end < rows.len() {
            let common = row_gaps[end].iter().find_map(|&(a, b)| {
                let (lo, hi) = (a.max(shared.0), b.min(shared.1));
                (hi - lo >= min_gap).then_some((lo, hi))
            });
            if let Some(c) = common {
                shared = c;
                gutter_rows += 1;
            } else if !one_side(end, end - 1, shared) {
                break;
            }
            end += 1;
        }
        (end, gutter_rows, shared)
    };
    let mut blocks: Vec<(usize, usize)> = Vec::new();
    let mut k = 0;
    while k < rows.len() {
        // Three rows with a gutter at least, the right-hand column's lines starting
        // at one edge: wide word spaces of two justified lines can line up by chance.
        let found = row_gaps[k]
            .iter()
            .map(|&seed| extend(k, seed))
            .filter(|&(end, n, g)| {
                n >= 3
                    && !gutters(x0, x1, vec![g]).is_empty()
                    && aligned_right_side(marks, &rows[k..end], g)
            })
            .max_by_key(|&(end, n, _)| (end, n));
        let Some((end, _, shared)) = found else {
            k += 1;
            continue;
        };
        let mut begin = k;
        let floor = blocks.last().map_or(0, |b| b.1);
        while begin > floor && one_side(begin - 1, begin, shared) {
            begin -= 1;
        }
        blocks.push((begin, end));
        k = end;
    }
    blocks
}

/// Whether most rows start their right-hand part at the same edge (a column's).
fn aligned_right_side(marks: &[Mark], rows: &[Vec<usize>], gutter: (f32, f32)) -> bool {
    let starts: Vec<(f32, f32)> = rows
        .iter()
        .filter_map(|r| {
            r.iter()
                .map(|&i| &marks[i])
                .filter(|m| !m.blank() && m.x >= gutter.0)
                .map(|m| (m.x, m.size))
                .min_by(|a, b| a.0.total_cmp(&b.0))
        })
        .collect();
    let Some(&(edge, _)) = starts.iter().min_by(|a, b| a.0.total_cmp(&b.0)) else {
        return false;
    };
    let at_edge = starts
        .iter()
        .filter(|(x, size)| x - edge <= 0.1 * size)
        .count();
    at_edge * 2 > starts.len()
}

/// Lines of one leaf: its glyphs clustered by baseline, top first.
fn leaf_lines(marks: &[Mark], leaf: &[usize]) -> Vec<Vec<usize>> {
    let mut order: Vec<usize> = leaf.to_vec();
    order.sort_by(|&a, &b| marks[b].y.total_cmp(&marks[a].y));
    // (reference baseline, its glyph size, members)
    let mut lines: Vec<(f32, f32, Vec<usize>)> = Vec::new();
    for i in order {
        let m = &marks[i];
        match lines.last_mut() {
            Some((y, size, members)) if (*y - m.y).abs() <= 0.5 * size.max(m.size) => {
                members.push(i);
                // The largest glyphs set the baseline (a superscript does not).
                if m.size > *size * 1.05 && !m.blank() {
                    *y = m.y;
                    *size = m.size;
                }
            }
            _ => lines.push((m.y, m.size, vec![i])),
        }
    }
    lines.into_iter().map(|(_, _, members)| members).collect()
}

fn is_note_mark(text: &str) -> bool {
    !text.is_empty()
        && text.chars().all(|c| {
            c.is_ascii_digit()
                || "*†‡§¶#[]()（）".contains(c)
                || ('\u{2460}'..='\u{24FF}').contains(&c)
                || ('\u{00B9}'..='\u{00B9}').contains(&c)
                || ('\u{2070}'..='\u{2079}').contains(&c)
                || "²³".contains(c)
        })
}

/// A footnote's opening number: "1 Text", "1. Text", "[1] Text", "①Text", or a
/// number run straight into the text as some word processors set it ("1Text").
fn opens_with_note_number(text: &str) -> bool {
    let mark_len: usize = text
        .chars()
        .take_while(|&c| is_note_mark(&c.to_string()))
        .map(char::len_utf8)
        .sum();
    let (mark, rest) = text.split_at(mark_len);
    let mut rest = rest.chars();
    let next = rest.next();
    let after = rest.next();
    (1..=5).contains(&mark.chars().count())
        && mark.chars().any(|c| !"()（）[]".contains(c))
        && match next {
            Some(c) if c.is_whitespace() || "、)）".contains(c) => true,
            Some('.') => after.is_none_or(|c| !c.is_ascii_digit()),
            // A number run into a word: a note's, if short ("1Text", not "2022年").
            Some(c) => c.is_alphabetic() && mark.chars().count() <= 3,
            None => false,
        }
}

/// A footnote's text without its opening number (a superscript mark is already left
/// out of the line's text).
fn without_note_number(text: &str) -> &str {
    if !opens_with_note_number(text) {
        return text;
    }
    let rest = text.trim_start_matches(|c: char| is_note_mark(&c.to_string()));
    rest.trim_start_matches(['.', '、', ')', '）']).trim_start()
}

/// Build a [`Line`] from glyph indices: sorted left to right, doubled glyphs (a bold
/// face faked by drawing twice) dropped, spaces put where glyphs stand apart,
/// superscript marks left out of the text.
fn make_line(
    marks: &[Mark],
    members: &[usize],
    page: usize,
    column: usize,
    col: (f32, f32),
) -> Option<Line> {
    let mut glyphs: Vec<&Mark> = members.iter().map(|&i| &marks[i]).collect();
    glyphs.sort_by(|a, b| a.x.total_cmp(&b.x));
    // The same glyph drawn again a little aside is overprinting (fake bold); a repeat
    // a glyph's width on is a double letter: 'l' is narrower than 0.3 em ('Challenges').
    glyphs.dedup_by(|b, a| {
        let near = (0.3 * a.size).min(0.5 * a.w.max(b.w));
        a.text == b.text && (a.x - b.x).abs() < near && (a.y - b.y).abs() < 0.3 * a.size
    });
    // The line's size and baseline: those of most of its characters.
    let mut by_size: HashMap<i32, (usize, f32)> = HashMap::new();
    for g in glyphs.iter().filter(|g| !g.blank()) {
        let e = by_size
            .entry((g.size * 4.0).round() as i32)
            .or_insert((0, g.y));
        e.0 += g.text.chars().count();
    }
    let (&size_key, &(_, baseline)) = by_size.iter().max_by_key(|(k, (n, _))| (*n, **k))?;
    let size = size_key as f32 / 4.0;
    let raised = |g: &Mark| {
        g.size < 0.9 * size && g.y > baseline + 0.15 * size && is_note_mark(g.text.trim())
    };
    let mut text = String::new();
    let mut prev: Option<&Mark> = None;
    let mut opens_with_mark = false;
    let mut first_word_end: Option<f32> = None;
    let (mut bold_chars, mut chars) = (0usize, 0usize);
    let mut fonts: HashMap<u32, usize> = HashMap::new();
    for (k, g) in glyphs.iter().enumerate() {
        if raised(g) {
            if text.trim().is_empty() && k == 0 {
                opens_with_mark = true;
            }
            continue;
        }
        if g.blank() {
            if !text.is_empty() && !text.ends_with(' ') {
                text.push(' ');
                first_word_end.get_or_insert(g.x);
            }
            prev = Some(g);
            continue;
        }
        if let Some(p) = prev.filter(|p| !p.blank()) {
            let gap = g.x - p.x1();
            let cjk = p.text.chars().next_back().is_some_and(is_cjk)
                || g.text.chars().next().is_some_and(is_cjk);
            let threshold = if cjk { 0.6 } else { 0.15 } * size.min(g.size.max(p.size));
            if gap > threshold && !text.ends_with(' ') {
                text.push(' ');
                first_word_end.get_or_insert(p.x1());
            }
            if cjk && !text.ends_with(' ') {
                first_word_end.get_or_insert(p.x1());
            }
        }
        text.push_str(&g.text);
        let n = g.text.chars().count();
        chars += n;
        if g.bold {
            bold_chars += n;
        }
        *fonts.entry(g.font).or_default() += n;
        prev = Some(g);
    }
    let mut text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let solid: Vec<&&Mark> = glyphs.iter().filter(|g| !g.blank()).collect();
    let bullet = solid.len() > 1
        && solid[0].text.chars().count() == 1
        && opens_with_bullet(&text)
        && !raised(solid[0]);
    let text_x0 = if bullet {
        text = text
            .chars()
            .skip(1)
            .collect::<String>()
            .trim_start()
            .to_string();
        solid[1].x
    } else {
        solid.first().map_or(0.0, |g| g.x)
    };
    if text.is_empty() {
        return None;
    }
    let x0 = solid.first().map_or(0.0, |g| g.x);
    let x1 = solid
        .iter()
        .map(|g| g.x1())
        .fold(f32::NEG_INFINITY, f32::max);
    let opens_with_mark = opens_with_mark || opens_with_note_number(&text);
    Some(Line {
        page,
        column,
        col_x0: col.0,
        col_x1: col.1,
        x0,
        x1,
        baseline,
        size,
        bold: bold_chars * 2 > chars,
        font: fonts
            .into_iter()
            .max_by_key(|&(f, n)| (n, f))
            .map_or(0, |(f, _)| f),
        first_word: first_word_end.unwrap_or(x1) - x0,
        text,
        opens_with_mark,
        chars,
        bullet,
        text_x0,
        table: false,
    })
}

/// A table row as one line: the text of each cell (its lines joined), the cells
/// separated by tabs, empty ones left out, as a .docx table row is read.
fn table_line(
    marks: &[Mark],
    members: &[usize],
    bounds: &[f32],
    page: usize,
    column: usize,
    col: (f32, f32),
) -> Option<Line> {
    let mut cells = vec![Vec::new(); bounds.len() + 1];
    for &i in members {
        let c = bounds.partition_point(|&b| b < marks[i].x + marks[i].w / 2.0);
        cells[c].push(i);
    }
    let plain = Vocabulary::default();
    let texts: Vec<String> = cells
        .iter()
        .map(|cell| {
            let mut text = String::new();
            for line in leaf_lines(marks, cell) {
                if let Some(l) = make_line(marks, &line, page, column, col) {
                    join(&mut text, &l.text, &plain);
                }
            }
            text
        })
        .filter(|t| !t.is_empty())
        .collect();
    let mut line = make_line(marks, members, page, column, col)?;
    line.text = texts.join("\t");
    line.table = true;
    line.bullet = false;
    line.opens_with_mark = false;
    Some(line)
}

/// Whether a line opens with a list item's bullet: a bullet, square, circle, diamond,
/// arrow or check mark, or a symbol font's glyph (mapped to the Private Use Area), or
/// a dash or asterisk set apart from the text (a line never starts with a dash that
/// punctuates a sentence: a line may not break before an en dash or a hyphen).
fn opens_with_bullet(text: &str) -> bool {
    let mut chars = text.chars();
    let Some(c) = chars.next() else {
        return false;
    };
    let rest = chars.as_str();
    let shape = matches!(c as u32,
        0x2022 | 0x2023 | 0x2043 | 0x2219 | 0x25A0..=0x25FF | 0x2610..=0x2612
        | 0x2713..=0x2714 | 0x2756 | 0x27A2..=0x27A4 | 0x29BE..=0x29BF | 0xE000..=0xF8FF);
    let dash = matches!(c, '-' | '\u{2013}' | '*' | '\u{00B7}' | '\u{30FB}');
    !rest.trim().is_empty() && (shape || (dash && rest.starts_with(' ')))
}

/// Text with digits (and roman page numbers) folded, spaces removed: running heads
/// and feet compare equal from page to page.
fn furniture_key(text: &str) -> String {
    let mut key = String::new();
    for c in text.chars().filter(|c| !c.is_whitespace()) {
        let c = if c.is_ascii_digit() {
            '#'
        } else {
            c.to_ascii_lowercase()
        };
        if !(c == '#' && key.ends_with('#')) {
            key.push(c);
        }
    }
    key
}

/// A page number alone: "12", "- 12 -", "xii", "Page 12", "第12页", "12 / 30".
fn is_page_number(text: &str) -> bool {
    let t: String = text
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_lowercase();
    let t = t.trim_matches(|c: char| "-–—·.|()[]".contains(c));
    let t = t.strip_prefix("page").unwrap_or(t);
    let t = t
        .strip_prefix('第')
        .and_then(|r| r.strip_suffix('页'))
        .unwrap_or(t);
    let t = t.split(['/', '|']).next().unwrap_or(t);
    let t = t.split("of").next().unwrap_or(t);
    !t.is_empty()
        && (t.chars().all(|c| c.is_ascii_digit())
            || (t.len() <= 6 && t.chars().all(|c| "ivxlc".contains(c))))
}

/// A table-of-contents entry: a title, dot leaders and a page number ("一、总则……1",
/// "Scope . . . . . 12"). Its title would be read as a second copy of the heading.
fn is_contents_entry(text: &str) -> bool {
    let body = text.trim_end();
    let without_number = body.trim_end_matches(|c: char| c.is_ascii_digit());
    if without_number.len() == body.len() || body.len() - without_number.len() > 4 {
        return false;
    }
    let leaders: usize = without_number
        .chars()
        .rev()
        .take_while(|c| c.is_whitespace() || ".…·．_-".contains(*c))
        .map(|c| match c {
            '…' => 3,
            c if c.is_whitespace() => 0,
            _ => 1,
        })
        .sum();
    leaders >= 4
}

/// Mark running heads, feet and page numbers. Lines set larger than the body text
/// (`body_size`) are headings, even when they repeat ("Chapter 2" atop its page).
fn furniture(lines: &[Line], pages: &[Page], body_size: f32) -> Vec<bool> {
    let mut drop = vec![false; lines.len()];
    // Candidates: the two top-most and two bottom-most lines of each page, in the outer
    // sixth of its height.
    let mut by_page: HashMap<usize, Vec<usize>> = HashMap::new();
    for (i, l) in lines.iter().enumerate() {
        by_page.entry(l.page).or_default().push(i);
    }
    let mut candidates: Vec<usize> = Vec::new();
    for (&p, idx) in &by_page {
        let mut idx = idx.clone();
        idx.sort_by(|&a, &b| lines[b].baseline.total_cmp(&lines[a].baseline));
        let h = pages[p].height;
        let outer = |l: &Line| l.baseline > h * 5.0 / 6.0 || l.baseline < h / 6.0;
        let ends: Vec<usize> = idx
            .iter()
            .take(2)
            .chain(idx.iter().rev().take(2))
            .copied()
            .collect();
        for i in ends {
            if outer(&lines[i]) && lines[i].size <= 1.1 * body_size && !candidates.contains(&i) {
                candidates.push(i);
            }
        }
    }
    let n_pages = pages.len();
    let needed = 2.max(3.min(n_pages.div_ceil(2)));
    let keys: Vec<String> = candidates
        .iter()
        .map(|&i| furniture_key(&lines[i].text))
        .collect();
    for (a, &i) in candidates.iter().enumerate() {
        let li = &lines[i];
        let pages_with: HashSet<usize> = candidates
            .iter()
            .enumerate()
            .filter(|&(b, &j)| {
                keys[b] == keys[a] && (lines[j].baseline - li.baseline).abs() <= li.size.max(4.0)
            })
            .map(|(_, &j)| lines[j].page)
            .collect();
        let extreme = by_page[&li.page]
            .iter()
            .all(|&j| lines[j].baseline <= li.baseline)
            || by_page[&li.page]
                .iter()
                .all(|&j| lines[j].baseline >= li.baseline);
        // A running head or foot is set apart from the text block: smaller, or further
        // from its neighbour than lines of text are; else it must be on most pages
        // (a body line can recur at one place on a few pages).
        let neighbour = by_page[&li.page]
            .iter()
            .filter(|&&j| j != i)
            .map(|&j| (lines[j].baseline - li.baseline).abs())
            .fold(f32::INFINITY, f32::min);
        let apart = li.size < 0.95 * body_size || neighbour > 2.0 * body_size;
        let recurs = pages_with.len() >= needed && (apart || pages_with.len() * 2 >= n_pages);
        if recurs || (extreme && is_page_number(&li.text)) {
            drop[i] = true;
        }
    }
    drop
}

/// The character-weighted mode of line sizes (to a quarter point) and whether most
/// such text is bold.
fn body_style(lines: &[Line]) -> (f32, bool) {
    let mut by_size: HashMap<i32, (usize, usize)> = HashMap::new();
    for l in lines {
        let e = by_size.entry((l.size * 4.0).round() as i32).or_default();
        e.0 += l.chars;
        if l.bold {
            e.1 += l.chars;
        }
    }
    by_size
        .into_iter()
        .max_by_key(|&(k, (n, _))| (n, k))
        .map_or((10.0, false), |(k, (n, b))| (k as f32 / 4.0, b * 2 > n))
}

/// Footnotes: at the foot of each column, a run of lines smaller than the body
/// text whose first line opens with a note mark.
fn footnotes(lines: &[Line], keep: &[bool], body_size: f32) -> Vec<bool> {
    let mut note = vec![false; lines.len()];
    let mut by_column: Vec<(usize, Vec<usize>)> = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        if !keep[i] {
            continue;
        }
        match by_column.last_mut() {
            Some((c, v)) if *c == l.column => v.push(i),
            _ => by_column.push((l.column, vec![i])),
        }
    }
    for (_, idx) in by_column {
        let small = |i: usize| lines[i].size <= 0.9 * body_size;
        let run = idx.iter().rev().take_while(|&&i| small(i)).count();
        let run = &idx[idx.len() - run..];
        if let Some(start) = run.iter().position(|&i| lines[i].opens_with_mark) {
            for &i in &run[start..] {
                note[i] = true;
            }
        }
    }
    note
}

/// The words a document writes within its lines, to decide joins across line ends
/// the way the document itself spells them.
#[derive(Default)]
struct Vocabulary {
    /// Words (letters and digits, lower-cased).
    words: HashSet<String>,
    /// Adjacent parts of hyphenated compounds: "year-on-year" gives "year-on", "on-year".
    hyphen_pairs: HashSet<String>,
    /// Whether the document hyphenates words at line ends (see [`Vocabulary::learn`]).
    hyphenates: bool,
}

impl Vocabulary {
    fn learn(lines: &[Line]) -> Self {
        let mut v = Vocabulary::default();
        for l in lines {
            // A line's first and last words may be halves of a word cut at its ends.
            let tokens: Vec<&str> = l
                .text
                .split(|c: char| !(c.is_alphanumeric() || c == '-') || is_cjk(c))
                .collect();
            let inner = tokens.len().saturating_sub(1);
            for &token in tokens.iter().take(inner).skip(1) {
                let parts: Vec<&str> = token.split('-').filter(|p| !p.is_empty()).collect();
                for p in &parts {
                    v.words.insert(p.to_lowercase());
                }
                for w in parts.windows(2) {
                    v.hyphen_pairs
                        .insert(format!("{}-{}", w[0], w[1]).to_lowercase());
                }
            }
        }
        // The document hyphenates if a line ends with a soft hyphen, or with a hyphen
        // inside a word that it writes whole elsewhere ("munic-" "ipal", "municipal").
        v.hyphenates = lines.windows(2).any(|pair| {
            let (text, next) = (&pair[0].text, &pair[1].text);
            if text.ends_with('\u{00AD}') {
                return true;
            }
            let Some(stem) = text.strip_suffix(['-', '\u{2010}']) else {
                return false;
            };
            let (head, tail) = (word_tail(stem), word_head(next));
            !head.is_empty()
                && tail.starts_with(|c: char| c.is_ascii_lowercase())
                && v.words.contains(&format!("{head}{tail}").to_lowercase())
                && !v
                    .hyphen_pairs
                    .contains(&format!("{head}-{tail}").to_lowercase())
        });
        v
    }
}

/// The letters and digits at the end of `text` and at the start of `next`.
fn word_tail(text: &str) -> &str {
    let start = text
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_ascii_alphanumeric())
        .last()
        .map_or(text.len(), |(i, _)| i);
    &text[start..]
}

fn word_head(text: &str) -> &str {
    let end = text
        .char_indices()
        .find(|(_, c)| !c.is_ascii_alphanumeric())
        .map_or(text.len(), |(i, _)| i);
    &text[..end]
}

/// Whether a hyphen at a line's end between `head` and `tail` (the letters and digits
/// on either side) is the word's own rather than one hyphenation added, decided by how
/// the document spells the word elsewhere, else by the shape of the word and by whether
/// the document hyphenates at all.
fn keeps_hyphen(stem: &str, head: &str, next: &str, tail: &str, vocab: &Vocabulary) -> bool {
    let pair = format!("{head}-{tail}").to_lowercase();
    let whole = format!("{head}{tail}").to_lowercase();
    if vocab.hyphen_pairs.contains(&pair) {
        return true;
    }
    if vocab.words.contains(&whole) {
        return false;
    }
    // A word that already holds a hyphen is a compound ("1,500-square-metre",
    // "year-on-year"): a line breaks a compound at its own hyphens.
    let compound =
        stem[..stem.len() - head.len()].ends_with('-') || next[tail.len()..].starts_with('-');
    // Hyphenation leaves two letters or more on the line: "e-book" is no break.
    let one_letter = head.chars().count() == 1;
    // English writes these prefixes with a hyphen.
    const HYPHEN_PREFIXES: &[&str] = &["self", "cross", "quasi"];
    compound
        || one_letter
        || HYPHEN_PREFIXES.contains(&head.to_lowercase().as_str())
        // A document that shows no hyphenation does not hyphenate: its hyphens at line
        // ends are the words' own ("part-time").
        || !vocab.hyphenates
}

/// Latin letters, digits and the marks that join them in a URL, an e-mail address or
/// a number ("lib.example.cn", "2.5"): a run that Chinese text writes unspaced.
fn is_latin_run(c: char) -> bool {
    c.is_ascii_alphanumeric() || "./@_".contains(c)
}

/// Join a line to the text before it: no space after or before Chinese; a word
/// hyphenated at the line's end rejoined (unless the hyphen is the word's own, see
/// [`keeps_hyphen`]); within Chinese text, a number, URL or Latin word cut at the
/// line's end rejoined.
fn join(text: &mut String, next: &str, vocab: &Vocabulary) {
    if text.is_empty() {
        text.push_str(next);
        return;
    }
    let first = next.chars().next();
    if let Some(stem) = text.strip_suffix(['-', '\u{2010}', '\u{00AD}'])
        && stem.chars().next_back().is_some_and(char::is_alphabetic)
        && first.is_some_and(char::is_alphanumeric)
    {
        let (head, tail) = (word_tail(stem), word_head(next));
        let soft = text.ends_with('\u{00AD}');
        // Hyphenation only breaks before a lower-case letter.
        let keep = !soft
            && (!first.is_some_and(char::is_lowercase)
                || keeps_hyphen(stem, head, next, tail, vocab));
        if !keep {
            let cut = stem.len();
            text.truncate(cut);
        }
        text.push_str(next);
        return;
    }
    let last = text.chars().next_back();
    if last.is_some_and(is_cjk) || first.is_some_and(is_cjk) {
        text.push_str(next);
        return;
    }
    // Chinese text writes Latin words, numbers and addresses without spaces around
    // them, so a line break inside one there cut it, unless both halves are words of
    // the document and the whole is not (a space between two English words).
    let run_end = text.len()
        - text
            .chars()
            .rev()
            .take_while(|&c| is_latin_run(c))
            .map(char::len_utf8)
            .sum::<usize>();
    let run_start: usize = next
        .chars()
        .take_while(|&c| is_latin_run(c))
        .map(char::len_utf8)
        .sum();
    let before = text[..run_end].chars().next_back();
    let after = next[run_start..].chars().next();
    if run_end < text.len()
        && run_start > 0
        && (before.is_some_and(is_cjk) || after.is_some_and(is_cjk))
    {
        let (tail, head) = (word_tail(text), word_head(next));
        let digits = |w: &str| w.chars().all(|c| c.is_ascii_digit());
        let known = |w: &str| vocab.words.contains(&w.to_lowercase());
        let whole = format!("{tail}{head}");
        let number = digits(tail) && digits(head);
        let two_words = !number && known(tail) && known(head) && !known(&whole);
        if !two_words {
            text.push_str(next);
            return;
        }
    }
    text.push(' ');
    text.push_str(next);
}

/// A paragraph under construction.
struct Para {
    text: String,
    size: f32,
    bold: bool,
    font: u32,
    lines: usize,
    /// A list item (opened by a bullet) or a table row: never a heading.
    item: bool,
}

/// The label shape of a heading ("一、" -> "c、", "(iv)" -> "(r)", "1.2" -> "d.d"),
/// empty when it has none: headings of one size split into levels by it.
fn label_shape(text: &str) -> String {
    let mut shape = String::new();
    let mut letters = String::new();
    let mut chars = text.chars().peekable();
    while let Some(&c) = chars.peek() {
        let class = if c.is_ascii_digit() {
            'd'
        } else if "一二三四五六七八九十百零〇".contains(c) {
            'c'
        } else if "ivxlcIVXLC".contains(c) {
            'r'
        } else if c.is_ascii_alphabetic() {
            'a'
        } else if ".、．()（）".contains(c) {
            c
        } else {
            break;
        };
        if c.is_ascii_alphabetic() {
            letters.push(c);
            // A label's letters are one letter or a roman numeral: more is a word.
            if letters.len() > 1 && !letters.chars().all(|l| "ivxlcIVXLC".contains(l)) {
                return String::new();
            }
        } else {
            letters.clear();
        }
        if !(shape.ends_with(class) && "dcra".contains(class)) {
            shape.push(class);
        }
        chars.next();
        if shape.chars().count() > 8 {
            return String::new();
        }
    }
    // A label ends in punctuation or before a space: "Chapter" has none.
    let after = chars.peek().copied();
    let closed = shape.ends_with(['.', '、', '．', ')', '）']);
    // A bare letter before a space is a word ("A Note"), not a label.
    let valid = shape.chars().any(|c| "dcra".contains(c))
        && (closed || (after.is_none_or(char::is_whitespace) && shape.chars().any(|c| c != 'a')));
    if valid { shape } else { String::new() }
}

/// Read pages as a reader does (see the module doc).
pub fn read(pages: Vec<Page>) -> Layout {
    // Lines in reading order over the document.
    let mut lines: Vec<Line> = Vec::new();
    let mut column_id = 0;
    for (p, page) in pages.iter().enumerate() {
        let marks = marks(page);
        for column in page_columns(&marks) {
            for leaf in &column.leaves {
                if let Some(bounds) = &column.cells {
                    let col = (column.x0, column.x1);
                    lines.extend(table_line(&marks, leaf, bounds, p, column_id, col));
                    continue;
                }
                for members in leaf_lines(&marks, leaf) {
                    if let Some(l) =
                        make_line(&marks, &members, p, column_id, (column.x0, column.x1))
                    {
                        lines.push(l);
                    }
                }
            }
            column_id += 1;
        }
    }
    let dropped = furniture(&lines, &pages, body_style(&lines).0);
    let keep: Vec<bool> = dropped.iter().map(|d| !d).collect();
    let kept: Vec<Line> = lines
        .iter()
        .zip(&keep)
        .filter(|(_, k)| **k)
        .map(|(l, _)| l.clone())
        .collect();
    let (body_size, body_bold) = body_style(&kept);
    let body_font = {
        let mut by_font: HashMap<u32, usize> = HashMap::new();
        for l in &kept {
            *by_font.entry(l.font).or_default() += l.chars;
        }
        by_font
            .into_iter()
            .max_by_key(|&(f, n)| (n, f))
            .map_or(0, |(f, _)| f)
    };
    let notes = footnotes(&lines, &keep, body_size);
    let vocab = Vocabulary::learn(&kept);
    // Line pitch as a share of the font size, from consecutive lines of one column.
    let mut ratios = Vec::new();
    let mut prev: Option<&Line> = None;
    for (i, l) in lines.iter().enumerate() {
        if !keep[i] || notes[i] {
            continue;
        }
        if let Some(p) = prev
            && p.column == l.column
            && (p.size - l.size).abs() < 0.05 * l.size
        {
            let r = (p.baseline - l.baseline) / l.size;
            if (0.8..3.0).contains(&r) {
                ratios.push(r);
            }
        }
        prev = Some(l);
    }
    let pitch = if ratios.is_empty() {
        1.2
    } else {
        median(ratios)
    };
    let styled = |l: &Line| l.size >= 1.1 * body_size || (l.bold && !body_bold);

    let mut paras: Vec<Para> = Vec::new();
    let mut notes_out: Vec<String> = Vec::new();
    let mut prev: Option<&Line> = None;
    // The list item being read, if any: its text's edge and its bullet's.
    let mut item: Option<(f32, f32)> = None;
    for (i, l) in lines.iter().enumerate() {
        if !keep[i] {
            continue;
        }
        if is_contents_entry(&l.text) {
            continue;
        }
        if notes[i] {
            if l.opens_with_mark || notes_out.is_empty() {
                notes_out.push(without_note_number(&l.text).to_string());
            } else if let Some(n) = notes_out.last_mut() {
                join(n, &l.text, &vocab);
            }
            continue;
        }
        let breaks = match prev {
            None => true,
            Some(p) => {
                let same_style =
                    (p.size - l.size).abs() <= 0.08 * p.size.max(l.size) && p.bold == l.bold;
                let same_column = p.column == l.column && p.page == l.page;
                let spaced = same_column && {
                    let gap = p.baseline - l.baseline;
                    gap < 0.0 || gap > pitch * p.size.max(l.size) * 1.3 + 1.0
                };
                let indent = 0.6 * l.size;
                // A list item's further lines keep to its text's edge (a hanging
                // indent), or to its bullet's in a list set without one; a line off
                // both ends the item.
                let at = |x: f32| (l.x0 - x).abs() <= 0.3 * l.size;
                let in_item = item.map(|(text, bullet)| at(text) || at(bullet));
                let indented =
                    in_item.is_none() && l.x0 - l.col_x0 > indent && p.x0 - p.col_x0 <= indent;
                let room = p.col_x1 - p.x1;
                let short = room > l.first_word + 1.0 * l.size;
                let heading_like = styled(p) && styled(l);
                // A numbered line in another typeface starts a heading.
                let new_face = l.font != p.font && !label_shape(&l.text).is_empty();
                l.bullet
                    || l.table
                    || p.table
                    || in_item == Some(false)
                    || !same_style
                    || spaced
                    || new_face
                    || (!heading_like && (indented || short))
            }
        };
        if breaks {
            item = l.bullet.then_some((l.text_x0, l.x0));
            paras.push(Para {
                text: l.text.clone(),
                size: l.size,
                bold: l.bold,
                font: l.font,
                lines: 1,
                item: l.bullet || l.table,
            });
        } else if let Some(para) = paras.last_mut() {
            join(&mut para.text, &l.text, &vocab);
            para.lines += 1;
        }
        prev = Some(l);
    }

    // Headings and their levels.
    let is_heading = |p: &Para| {
        let chars = p.text.chars().count();
        // Larger, or bold in a body that is not; or, at body size, a numbered line set
        // in another typeface (Chinese official documents set 一、 headings in 黑体
        // and （一） in 楷体 over a 仿宋 body, all one size).
        let other_face = p.font != body_font && p.lines <= 2 && !label_shape(&p.text).is_empty();
        !p.item
            && (p.size >= 1.1 * body_size
                || (p.size >= 0.95 * body_size && ((p.bold && !body_bold) || other_face)))
            && p.lines <= 4
            && chars <= 250
            && p.text.chars().any(|c| c.is_alphabetic())
            && !p
                .text
                .trim_end()
                .ends_with(['。', '；', ';', '，', ',', '.', '：', ':'])
    };
    let heading_flags: Vec<bool> = paras.iter().map(is_heading).collect();
    // Heading styles: larger first, bold before regular, then typefaces in the order
    // they first head a section.
    let style_key = |p: &Para| ((p.size * 2.0).round() as i32, p.bold, p.font);
    let mut styles: Vec<(i32, bool, u32)> = Vec::new();
    for (p, _) in paras.iter().zip(&heading_flags).filter(|(_, h)| **h) {
        if !styles.contains(&style_key(p)) {
            styles.push(style_key(p));
        }
    }
    // A stable sort keeps first appearance among equals.
    styles.sort_by_key(|s| std::cmp::Reverse((s.0, s.1)));
    // Within one style, numbering shapes in order of first appearance.
    let mut shapes: HashMap<(i32, bool, u32), Vec<String>> = HashMap::new();
    for (p, _) in paras.iter().zip(&heading_flags).filter(|(_, h)| **h) {
        let shape = label_shape(&p.text);
        let list = shapes.entry(style_key(p)).or_default();
        if !shape.is_empty() && !list.contains(&shape) {
            list.push(shape);
        }
    }
    let mut level_of: HashMap<((i32, bool, u32), String), usize> = HashMap::new();
    let mut level = 0;
    for s in &styles {
        let list = shapes.get(s).cloned().unwrap_or_default();
        level += 1;
        level_of.insert((*s, String::new()), level);
        for (k, shape) in list.iter().enumerate() {
            if k > 0 {
                level += 1;
            }
            level_of.insert((*s, shape.clone()), level);
        }
    }

    let mut markdown = String::new();
    let mut headings = 0;
    for (p, h) in paras.iter().zip(&heading_flags) {
        if *h {
            let shape = label_shape(&p.text);
            let key = (style_key(p), shape);
            let level = level_of
                .get(&key)
                .or_else(|| level_of.get(&(style_key(p), String::new())))
                .copied()
                .unwrap_or(1)
                .clamp(1, 6);
            markdown.push_str(&"#".repeat(level));
            markdown.push(' ');
            headings += 1;
        }
        markdown.push_str(&p.text);
        markdown.push('\n');
    }
    for n in &notes_out {
        markdown.push_str(n);
        markdown.push('\n');
    }
    Layout {
        markdown,
        headings,
        furniture: dropped.iter().filter(|d| **d).count(),
        footnotes: notes_out.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Glyphs of `text` from (x, y), each character `size/2` wide (Chinese ones `size`).
    fn text_at(text: &str, x: f32, y: f32, size: f32) -> Vec<Glyph> {
        let mut out = Vec::new();
        let mut x = x;
        for c in text.chars() {
            let w = if is_cjk(c) { size } else { size / 2.0 };
            out.push(Glyph {
                text: c.to_string(),
                x,
                y,
                dx: w,
                dy: 0.0,
                size,
                bold: false,
                font: 1,
            });
            x += w;
        }
        out
    }

    fn page(glyphs: Vec<Vec<Glyph>>) -> Page {
        Page {
            width: 600.0,
            height: 800.0,
            glyphs: glyphs.concat(),
        }
    }

    fn body(markdown: &str) -> Vec<&str> {
        markdown.lines().collect()
    }

    #[test]
    fn double_narrow_letters_stay_and_overprinting_goes() {
        // 'l' a quarter of an em wide, as in a serif face: "ll" is two letters.
        let mut line = text_at("Ski", 72.0, 700.0, 10.0);
        let mut x = line.last().map_or(0.0, |g| g.x + g.dx);
        for c in ["l", "l", "s"] {
            let mut g = text_at(c, x, 700.0, 10.0).remove(0);
            g.dx = 2.5;
            x += g.dx;
            line.push(g);
        }
        // A heading drawn twice, the second copy 0.3 pt aside: fake bold.
        let mut bold = text_at("Rules", 72.0, 740.0, 10.0);
        let mut again = text_at("Rules", 72.3, 740.0, 10.0);
        bold.append(&mut again);
        let layout = read(vec![page(vec![bold, line])]);
        assert_eq!(
            body(&layout.markdown),
            ["Rules", "Skills"],
            "{}",
            layout.markdown
        );
    }

    #[test]
    fn columns_are_read_one_after_the_other() {
        let mut g = vec![text_at("A Title Across The Page Width", 150.0, 760.0, 20.0)];
        for k in 0..6 {
            let y = 700.0 - 14.0 * k as f32;
            g.push(text_at(
                &format!("left column line {k} goes on"),
                50.0,
                y,
                10.0,
            ));
            g.push(text_at(
                &format!("right column line {k} goes on"),
                320.0,
                y,
                10.0,
            ));
        }
        let out = read(vec![page(g)]).markdown;
        let lines = body(&out);
        assert_eq!(lines[0], "# A Title Across The Page Width");
        // The columns' lines fill them, so they run on as one paragraph, in order.
        let left: Vec<String> = (0..6)
            .map(|k| format!("left column line {k} goes on"))
            .collect();
        let right: Vec<String> = (0..6)
            .map(|k| format!("right column line {k} goes on"))
            .collect();
        assert_eq!(
            lines[1],
            format!("{} {}", left.join(" "), right.join(" ")),
            "{out}"
        );
    }

    #[test]
    fn running_heads_and_page_numbers_are_dropped() {
        let pages: Vec<Page> = (1..=3)
            .map(|n| {
                page(vec![
                    text_at("Annual Report on Rules", 240.0, 780.0, 8.0),
                    text_at(
                        &format!("Body text of page {n} is here."),
                        50.0,
                        600.0,
                        10.0,
                    ),
                    text_at(&format!("{n}"), 300.0, 20.0, 8.0),
                ])
            })
            .collect();
        let layout = read(pages);
        assert_eq!(layout.furniture, 6, "{}", layout.markdown);
        assert!(!layout.markdown.contains("Annual Report"));
        assert_eq!(
            body(&layout.markdown),
            [
                "Body text of page 1 is here.",
                "Body text of page 2 is here.",
                "Body text of page 3 is here."
            ]
        );
    }

    #[test]
    fn paragraphs_are_rebuilt_and_footnotes_kept_apart() {
        let size = 10.0;
        let g = vec![
            // A paragraph of three lines, the first indented, the last short.
            text_at(
                "    This first line of the paragraph runs to the edge of the column",
                50.0,
                700.0,
                size,
            ),
            text_at(
                "that holds it, and the words go on past the end of the line as wrap-",
                50.0,
                688.0,
                size,
            ),
            // The document writes "wrapped" whole too: it hyphenates.
            text_at("ped text does, as wrapped text does.", 50.0, 676.0, size),
            text_at("1", 120.0, 680.0, 6.0),
            // The next paragraph, indented.
            text_at(
                "    A second paragraph starts here, indented like the first one was.",
                50.0,
                664.0,
                size,
            ),
            // A footnote at the foot, smaller, opening with its number.
            text_at("1 A note on the first paragraph.", 50.0, 60.0, 7.0),
        ];
        let out = read(vec![page(g)]).markdown;
        let lines = body(&out);
        assert_eq!(lines.len(), 3, "{out}");
        assert!(
            lines[0].contains("column that holds it")
                && lines[0].ends_with("as wrapped text does, as wrapped text does."),
            "{out}"
        );
        assert!(lines[1].starts_with("A second paragraph"));
        assert_eq!(lines[2], "A note on the first paragraph.");
    }

    #[test]
    fn lines_join_as_each_language_writes() {
        // A document that hyphenates (as `hyphenates_and_compounds` shows it is found).
        let vocab = Vocabulary {
            hyphenates: true,
            ..Vocabulary::default()
        };
        let joined = |a: &str, b: &str| {
            let mut t = a.to_string();
            join(&mut t, b, &vocab);
            t
        };
        assert_eq!(joined("数字治理的", "规则体系"), "数字治理的规则体系");
        assert_eq!(
            joined("the govern-", "ance of data"),
            "the governance of data"
        );
        assert_eq!(joined("Cross-", "Border rules"), "Cross-Border rules");
        assert_eq!(joined("self-", "regulation"), "self-regulation");
        assert_eq!(joined("于202", "0年发布"), "于2020年发布");
        assert_eq!(joined("rules and", "mechanisms"), "rules and mechanisms");
        // Hyphenation leaves two letters on the line; a compound breaks at its hyphens.
        assert_eq!(joined("an x-", "ray image"), "an x-ray image");
        assert_eq!(joined("a 20-metre-", "high wall"), "a 20-metre-high wall");
        assert_eq!(joined("a well-", "to-do family"), "a well-to-do family");
        // A compound the document writes with its hyphen keeps it, one it writes
        // whole is joined.
        let mut vocab = Vocabulary::default();
        vocab.hyphen_pairs.insert("year-on".into());
        vocab.words.insert("stakeholder".into());
        let mut t = "a nominal year-".to_string();
        join(&mut t, "on-year rise", &vocab);
        assert_eq!(t, "a nominal year-on-year rise");
        let mut t = "every stake-".to_string();
        join(&mut t, "holder agrees", &vocab);
        assert_eq!(t, "every stakeholder agrees");
        // A document that does not hyphenate keeps its hyphens.
        let mut t = "a full-".to_string();
        join(&mut t, "board meeting", &vocab);
        assert_eq!(t, "a full-board meeting");
    }

    #[test]
    fn latin_runs_cut_inside_chinese_text_are_rejoined() {
        let mut vocab = Vocabulary::default();
        for w in ["open", "source", "data"] {
            vocab.words.insert(w.into());
        }
        let joined = |a: &str, b: &str| {
            let mut t = a.to_string();
            join(&mut t, b, &vocab);
            t
        };
        assert_eq!(
            joined("网址为www.rivers", "ide.example.org，欢迎访问"),
            "网址为www.riverside.example.org，欢迎访问"
        );
        assert_eq!(
            joined("请发邮件至desk@exam", "ple.org。"),
            "请发邮件至desk@example.org。"
        );
        assert_eq!(joined("共计3.", "75亿元"), "共计3.75亿元");
        // Two words of the document, not one: the space between them was at the break.
        assert_eq!(joined("采用Open", "Source许可"), "采用Open Source许可");
    }

    #[test]
    fn hyphenates_and_compounds() {
        // Lines set full from 50 to 450: a paragraph that runs on.
        let full = |text: &str, y: f32| {
            let mut g = text_at(text, 50.0, y, 10.0);
            let advance = 400.0 / g.len() as f32;
            for (k, glyph) in g.iter_mut().enumerate() {
                glyph.x = 50.0 + advance * k as f32;
                glyph.dx = advance;
            }
            g
        };
        // Line 2 breaks "coastal" as hyphenation does, and line 1 writes the word
        // whole; line 3 breaks "well-kept", which line 1 writes with its hyphen.
        let g = vec![
            full(
                "The well-kept coastal towns keep their harbours open all year",
                700.0,
            ),
            full(
                "round, and so do the smaller villages along the coast-",
                688.0,
            ),
            full("al path hold markets; their quays are well-", 676.0),
            text_at("kept by the town.", 50.0, 664.0, 10.0),
        ];
        let out = read(vec![page(g)]).markdown;
        assert!(out.contains("along the coastal path"), "{out}");
        assert!(out.contains("are well-kept by the town."), "{out}");
        // Without a word the document writes whole, it shows no hyphenation: the
        // hyphen stays.
        let g = vec![
            full(
                "Some of the staff of the harbour office work on a part-",
                700.0,
            ),
            text_at("time basis only.", 50.0, 688.0, 10.0),
        ];
        let out = read(vec![page(g)]).markdown;
        assert_eq!(
            out.trim(),
            "Some of the staff of the harbour office work on a part-time basis only."
        );
    }

    #[test]
    fn list_items_keep_their_wrapped_lines_and_lose_their_bullets() {
        let size = 10.0;
        let item = |bullet: &str, first: &str, rest: &[&str], y: f32| {
            let mut g = vec![
                text_at(bullet, 54.0, y, size),
                text_at(first, 66.0, y, size),
            ];
            for (k, line) in rest.iter().enumerate() {
                g.push(text_at(line, 66.0, y - 12.0 * (k + 1) as f32, size));
            }
            g
        };
        let mut g = vec![text_at(
            "The harbour board agreed on three steps for the coming year of work:",
            50.0,
            712.0,
            size,
        )];
        g.extend(item(
            "\u{2022}",
            "dredging the inner basin so that the larger ferries can berth at",
            &["any tide, and moving the fuel store away from the fish market;"],
            700.0,
        ));
        g.extend(item(
            "\u{2022}",
            "rebuilding the north quay, which the storms of last winter under-",
            &["mined, and lighting the whole of its length at night;"],
            676.0,
        ));
        g.extend(item(
            "\u{2013} ",
            "opening the old customs house as a museum.",
            &[],
            652.0,
        ));
        g.push(text_at(
            "The undermined quay comes first; the work starts in the spring.",
            50.0,
            640.0,
            size,
        ));
        let out = read(vec![page(g)]).markdown;
        assert_eq!(
            body(&out),
            [
                "The harbour board agreed on three steps for the coming year of work:",
                "dredging the inner basin so that the larger ferries can berth at any tide, and moving the fuel store away from the fish market;",
                "rebuilding the north quay, which the storms of last winter undermined, and lighting the whole of its length at night;",
                "opening the old customs house as a museum.",
                "The undermined quay comes first; the work starts in the spring.",
            ],
            "{out}"
        );
        // Chinese: an item that fills its line goes on at the hanging indent; the next
        // bullet, at the margin, opens the next item.
        let g = vec![
            text_at("\u{25CF}", 54.0, 700.0, size),
            text_at(
                "疏浚内港航道，使大型渡轮在任何潮位都能靠泊，并将油库迁",
                66.0,
                700.0,
                size,
            ),
            text_at("离鱼市；", 66.0, 688.0, size),
            text_at("\u{25CF}", 54.0, 676.0, size),
            text_at(
                "重建北码头，并为码头全长安装夜间照明设施，保障夜航安全；",
                66.0,
                676.0,
                size,
            ),
            text_at("\u{25CF}", 54.0, 664.0, size),
            text_at("将旧海关大楼改建为博物馆。", 66.0, 664.0, size),
        ];
        let out = read(vec![page(g)]).markdown;
        assert_eq!(
            body(&out),
            [
                "疏浚内港航道，使大型渡轮在任何潮位都能靠泊，并将油库迁离鱼市；",
                "重建北码头，并为码头全长安装夜间照明设施，保障夜航安全；",
                "将旧海关大楼改建为博物馆。",
            ],
            "{out}"
        );
    }

    #[test]
    fn list_items_without_a_hanging_indent() {
        // Further lines under the bullet, not under the text; the item's short last
        // line ends it.
        let size = 10.0;
        let g = vec![
            text_at(
                "\u{25AA} The ferry runs every hour from the north pier to the",
                50.0,
                700.0,
                size,
            ),
            text_at(
                "island, and every half hour on market days.",
                50.0,
                688.0,
                size,
            ),
            text_at("\u{25AA} The pier is closed in storms.", 50.0, 676.0, size),
        ];
        let out = read(vec![page(g)]).markdown;
        assert_eq!(
            body(&out),
            [
                "The ferry runs every hour from the north pier to the island, and every half hour on market days.",
                "The pier is closed in storms.",
            ],
            "{out}"
        );
    }

    /// Cells of a table row at x = 50, 160, 250 and 340.
    fn table_row(cells: &[&str], y: f32, size: f32) -> Vec<Glyph> {
        cells
            .iter()
            .zip([50.0, 160.0, 250.0, 340.0])
            .flat_map(|(cell, x)| text_at(cell, x, y, size))
            .collect()
    }

    #[test]
    fn tables_are_read_row_by_row() {
        let size = 9.0;
        let g = vec![
            text_at(
                "The dues of the harbours are set out in the table below, by port.",
                50.0,
                730.0,
                10.0,
            ),
            // The header's third cell wraps; rows are set further apart than its lines.
            table_row(
                &["Port", "Ships a year", "Dues (thousand", "Berths"],
                705.0,
                size,
            ),
            table_row(&["", "", "yuan)", ""], 695.0, size),
            table_row(&["North Bay", "1,204", "35.5", "12"], 678.0, size),
            table_row(&["Eastmouth", "860", "21.0", "9"], 661.0, size),
            table_row(&["Total", "2,064", "56.5", "21"], 644.0, size),
            text_at(
                "Dues rose in both ports over the year, most of all at North Bay.",
                50.0,
                620.0,
                10.0,
            ),
        ];
        let out = read(vec![page(g)]).markdown;
        assert_eq!(
            body(&out),
            [
                "The dues of the harbours are set out in the table below, by port.",
                "Port\tShips a year\tDues (thousand yuan)\tBerths",
                "North Bay\t1,204\t35.5\t12",
                "Eastmouth\t860\t21.0\t9",
                "Total\t2,064\t56.5\t21",
                "Dues rose in both ports over the year, most of all at North Bay.",
            ],
            "{out}"
        );
        // Chinese, rows evenly set: each line a row.
        let g = vec![
            table_row(&["港口", "船次", "泊位", "备注"], 705.0, size),
            table_row(&["北湾港", "1204", "12", "扩建中"], 690.0, size),
            table_row(&["东口港", "860", "9", "无"], 675.0, size),
        ];
        let out = read(vec![page(g)]).markdown;
        assert_eq!(
            body(&out),
            [
                "港口\t船次\t泊位\t备注",
                "北湾港\t1204\t12\t扩建中",
                "东口港\t860\t9\t无"
            ],
            "{out}"
        );
    }

    #[test]
    fn numbered_notes_and_columns_of_text_are_no_tables() {
        // Numbers in the first column only: notes set with a wide space after the number.
        let size = 9.0;
        let g = vec![
            text_at("1", 50.0, 700.0, size),
            text_at("The ferry timetable changes in winter.", 70.0, 700.0, size),
            text_at("2", 50.0, 688.0, size),
            text_at("Dues are paid at the harbour office.", 70.0, 688.0, size),
            text_at("3", 50.0, 676.0, size),
            text_at("Berths are let by the season.", 70.0, 676.0, size),
        ];
        let out = read(vec![page(g)]).markdown;
        assert!(!out.contains('\t'), "{out}");
        assert!(
            out.contains("1 The ferry timetable changes in winter."),
            "{out}"
        );
    }

    #[test]
    fn bullets_are_told_from_dashes_and_symbols() {
        for t in [
            "\u{2022} item",
            "\u{25CF}项目",
            "\u{25AA} item",
            "\u{2013} item",
            "- item",
            "\u{F0B7} item",
        ] {
            assert!(opens_with_bullet(t), "{t}");
        }
        for t in [
            "\u{2022}",
            "-5 degrees",
            "\u{2013}2 points",
            "\u{2014}and so",
            "\u{201C}quoted",
            "(a) item",
        ] {
            assert!(!opens_with_bullet(t), "{t}");
        }
    }

    #[test]
    fn labels_page_numbers_and_note_marks() {
        assert_eq!(label_shape("一、总体要求"), "c、");
        assert_eq!(label_shape("（三）数据"), "（c）");
        assert_eq!(label_shape("(iv) Rules"), "(r)");
        assert_eq!(label_shape("1.2 Scope"), "d.d");
        assert_eq!(label_shape("Chapter 3"), "");
        assert_eq!(label_shape("A Note"), "");
        for p in ["12", "- 12 -", "xii", "Page 12", "第 12 页", "12 / 30"] {
            assert!(is_page_number(p), "{p}");
        }
        for p in ["2022 Annual Report", "Rules"] {
            assert!(!is_page_number(p), "{p}");
        }
        assert!(is_contents_entry("一、全球数字治理的背景……………… 1"));
        assert!(is_contents_entry("(ii) Scope . . . . . . . . 12"));
        assert!(!is_contents_entry("It grew 2.7 percent in 2022"));
        assert!(!is_contents_entry("as in 2021..."));
        assert!(opens_with_note_number("1 A note."));
        assert!(opens_with_note_number("1All statistics"));
        assert!(opens_with_note_number("①本书"));
        assert!(!opens_with_note_number("1.5 percent more"));
        assert!(!opens_with_note_number("2022年"));
        assert_eq!(without_note_number("12. A note."), "A note.");
    }

    #[test]
    fn vertical_pages_read_right_to_left() {
        // Two vertical lines, the right one first; each glyph advances downwards.
        let column = |text: &str, x: f32| -> Vec<Glyph> {
            text.chars()
                .enumerate()
                .map(|(k, c)| Glyph {
                    text: c.to_string(),
                    x,
                    y: 700.0 - 12.0 * k as f32,
                    dx: 0.0,
                    dy: -12.0,
                    size: 12.0,
                    bold: false,
                    font: 1,
                })
                .collect()
        };
        let out = read(vec![page(vec![
            column("第二行文字。", 300.0),
            column("第一行文字，", 330.0),
        ])])
        .markdown;
        assert_eq!(out.trim(), "第一行文字，第二行文字。");
    }

    #[test]
    fn numbered_lines_in_another_typeface_are_headings() {
        // All one size: 一、 in one face, （一） in another, the body in a third.
        let face = |mut glyphs: Vec<Glyph>, font: u32| {
            glyphs.iter_mut().for_each(|g| g.font = font);
            glyphs
        };
        let g = vec![
            face(text_at("一、总体要求", 50.0, 700.0, 16.0), 2),
            face(text_at("（一）基本原则", 50.0, 670.0, 16.0), 3),
            text_at(
                "坚持开放合作，推动共同发展，维护多边体制，反对保护主义。",
                50.0,
                640.0,
                16.0,
            ),
            text_at(
                "加强数字治理合作，完善规则体系，促进数据依法有序流动。",
                50.0,
                610.0,
                16.0,
            ),
            face(text_at("二、主要任务", 50.0, 580.0, 16.0), 2),
            text_at(
                "建设数字基础设施，提升公共服务水平，缩小数字鸿沟差距。",
                50.0,
                550.0,
                16.0,
            ),
        ];
        let out = read(vec![page(g)]).markdown;
        let lines = body(&out);
        assert_eq!(lines[0], "# 一、总体要求", "{out}");
        assert_eq!(lines[1], "## （一）基本原则", "{out}");
        assert!(lines.contains(&"# 二、主要任务"), "{out}");
        assert!(
            !lines
                .iter()
                .any(|l| l.starts_with('#') && l.contains("坚持"))
        );
    }

    #[test]
    fn a_body_line_recurring_on_a_few_pages_is_kept() {
        // Eight pages of text; three of them end with the same sentence at the same
        // place, set like the text around it.
        let names = [
            "alpha", "beta", "gamma", "delta", "eta", "theta", "iota", "kappa",
        ];
        let pages: Vec<Page> = names
            .iter()
            .enumerate()
            .map(|(n, name)| {
                let mut g: Vec<Vec<Glyph>> = (0..50)
                    .map(|k| {
                        let text = format!("Line {k} of page {name} runs on here.");
                        text_at(&text, 50.0, 700.0 - 12.0 * k as f32, 10.0)
                    })
                    .collect();
                if n % 3 == 0 {
                    g.push(text_at("The same closing sentence.", 50.0, 100.0, 10.0));
                }
                page(g)
            })
            .collect();
        let layout = read(pages);
        assert_eq!(layout.furniture, 0, "{}", layout.markdown);
        assert_eq!(
            layout
                .markdown
                .matches("The same closing sentence.")
                .count(),
            3
        );
    }

    /// The sweep puts each space where asking every strip in turn, glyph by glyph, does.
    #[test]
    fn spaces_go_to_the_first_strip_whose_band_holds_them() {
        let mut seed = 12345u32;
        let mut next = |n: u32| {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            (seed >> 16) % n
        };
        for _ in 0..50 {
            let marks: Vec<Mark> = (0..60)
                .map(|_| Mark {
                    text: if next(3) == 0 { " ".into() } else { "a".into() },
                    x: next(500) as f32,
                    y: next(400) as f32 / 2.0,
                    w: 5.0,
                    size: 0.5 + next(12) as f32,
                    bold: false,
                    font: 1,
                })
                .collect();
            let items: Vec<usize> = (0..marks.len()).collect();
            let rows = strips(&marks, &items);
            let mut slow: Vec<Vec<usize>> = rows
                .iter()
                .map(|r| r.iter().copied().filter(|&i| !marks[i].blank()).collect())
                .collect();
            for i in (0..marks.len()).filter(|&i| marks[i].blank()) {
                let y = marks[i].y;
                if let Some(k) = slow.iter().position(|s| {
                    s.iter()
                        .filter(|&&j| !marks[j].blank())
                        .any(|&j| (marks[j].y - y).abs() <= 0.3 * marks[j].size)
                }) {
                    slow[k].push(i);
                }
            }
            let sorted = |v: &[Vec<usize>]| -> Vec<Vec<usize>> {
                v.iter()
                    .map(|r| {
                        let mut r = r.clone();
                        r.sort();
                        r
                    })
                    .collect()
            };
            assert_eq!(sorted(&rows), sorted(&slow));
        }
    }
}
