//! Byte offsets in a page body to file lines and columns, for diagnostics.

/// Byte offsets in a page body to file lines and columns. The column of the last lookup is
/// remembered, so lookups in increasing order along one line (400,000 links on one line) count
/// each character once instead of from the line start every time.
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
    first_line: usize,
    /// The file line of each body line, when they are not consecutive (see `Page::line_map`).
    map: &'a [usize],
    /// (line index, byte offset, column) of the last lookup.
    last: std::cell::Cell<(usize, usize, usize)>,
    /// For a rewritten body (see `blocks::prepare`): per line of `text`, its 0-based line in
    /// the page's body and the indentation removed.
    blocks: Option<&'a [(usize, usize)]>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str, first_line: usize) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex {
            text,
            starts,
            first_line,
            map: &[],
            last: std::cell::Cell::new((0, 0, 1)),
            blocks: None,
        }
    }

    /// The same, with `map` giving the file line of each body line (empty: consecutive
    /// lines from `first_line`).
    pub fn with_map(text: &'a str, first_line: usize, map: &'a [usize]) -> Self {
        LineIndex {
            map,
            ..LineIndex::new(text, first_line)
        }
    }

    /// The same for `text` rewritten from the body (`blocks::prepare`): `blocks` gives, per
    /// line of `text`, the body line it comes from and the indentation removed, so positions
    /// name the file as written.
    pub fn with_blocks(self, blocks: Option<&'a [(usize, usize)]>) -> Self {
        LineIndex { blocks, ..self }
    }

    /// The file line of body line `i`.
    fn file_line(&self, i: usize) -> usize {
        self.map.get(i).copied().unwrap_or(self.first_line + i)
    }

    /// The file line and column of column `col` on line `i` of the text.
    fn mapped(&self, i: usize, col: usize) -> (usize, usize) {
        match self.blocks.and_then(|m| m.get(i)) {
            // (A line the rewrite wrote itself has no column in the file.)
            Some(&(line, super::blocks::GENERATED)) => (self.file_line(line), 0),
            Some(&(line, shift)) => (self.file_line(line), col + shift),
            None => (self.file_line(i), col),
        }
    }

    /// The file line and column of byte `offset`.
    pub fn pos(&self, offset: usize) -> (usize, usize) {
        let i = self
            .starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1);
        let (last_line, last_offset, last_col) = self.last.get();
        let (from, base) = if last_line == i && last_offset <= offset {
            (last_offset, last_col)
        } else {
            (self.starts[i], 1)
        };
        let Some(between) = self.text.get(from..offset) else {
            return self.mapped(i, 1);
        };
        let col = base + between.chars().count();
        self.last.set((i, offset, col));
        self.mapped(i, col)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_index_columns_in_any_order_match_counting_from_the_line_start() {
        let text = "ab\nçé [x](y) [z](w)\n\nlast";
        let index = LineIndex::new(text, 5);
        let naive = |o: usize| {
            let (l, c) = crate::error::line_col(text, o);
            (l + 4, c)
        };
        let offsets: Vec<usize> = (0..=text.len())
            .filter(|&o| text.is_char_boundary(o))
            .collect();
        for &o in offsets
            .iter()
            .chain(offsets.iter().rev())
            .chain([3, 12, 5, 20].iter())
        {
            assert_eq!(index.pos(o), naive(o), "offset {o}");
        }
    }
}
