//! Print the text bitext reads from a PDF (Markdown, headings as `#` lines) and, on
//! stderr, the pages and the time taken: `cargo run --release --example pdf_text FILE.pdf [REPEAT]`.

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args.next().ok_or("usage: pdf_text FILE.pdf [REPEAT]")?;
    let repeat: u32 = args.next().map_or(Ok(1), |r| r.parse())?;
    let bytes = std::fs::read(&path)?;
    let start = std::time::Instant::now();
    let mut text = None;
    for _ in 0..repeat.max(1) {
        text = Some(bitext::pdf::pdf_to_markdown(
            &bytes,
            &path,
            bitext::pdf::Limits::default(),
        )?);
    }
    let text = text.expect("at least one run");
    let per_page =
        start.elapsed().as_secs_f64() * 1000.0 / f64::from(repeat.max(1)) / text.pages as f64;
    print!("{}", text.markdown);
    eprintln!("{path}: {} pages, {per_page:.2} ms per page", text.pages);
    Ok(())
}
