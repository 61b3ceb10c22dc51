//! Web pages and Word documents as users bring them, end to end through the binary: a
//! site's page around the text (menus, banner, sidebar, footer), footnote marks, and
//! line breaks inside sentences must not reach the sentences or the alignment.

mod common;
use common::*;

use std::path::Path;

const ZH_PAGE: &str = r##"<!DOCTYPE html><html lang="zh"><head><title>清水河治理简报</title></head><body>
<div class="cookie">本站使用小甜饼改善体验。<button>同意</button></div>
<header><div>南平县水利局</div><form><input name="q"><button>搜索</button></form></header>
<nav><a href="/">首页</a><a href="/gk">机构概况</a><a href="/dt">工作动态</a><a href="/en">English</a></nav>
<div class="path">当前位置：首页 &gt; 工作动态</div>
<aside><h3>相关链接</h3><a href="/a">县政府</a><a href="/b">省水利厅</a></aside>
<main><article>
<h1>清水河治理简报</h1>
<p>去年，南平县关闭了清水河沿岸的四十二处排污口<sup><a href="#n1" id="r1">[1]</a></sup>，河水水质明显好转。</p>
<h2>一、主要做法</h2>
<p>县里在上游<br>
修建了三座污水处理站，每天可处理污水一万二千吨。沿河村庄全部接入了污水管网。</p>
<h2>二、下一步安排</h2>
<p>今年将在下游种植八公里的护岸林。县水利局还将每月公布一次水质监测结果。</p>
<ol class="notes"><li id="n1">不含已经停用的排污口。 <a href="#r1">↩</a></li></ol>
</article></main>
<footer><p>主办：南平县水利局　地址：南平县河西路8号</p></footer>
</body></html>"##;

const EN_PAGE: &str = r##"<!DOCTYPE html><html lang="en"><head><title>Briefing on the Qingshui River</title></head><body>
<header><div>Nanping County Water Bureau</div></header>
<nav><a href="/">Home</a><a href="/zh">中文</a></nav>
<main><article>
<h1>Briefing on the Clean-up of the Qingshui River</h1>
<p>Last year, Nanping County closed 42 sewage outlets<sup><a href="#n1" id="r1">1</a></sup> along the Qingshui River, and the water quality improved markedly.</p>
<h2>I. Main Measures</h2>
<p>Upstream, the county<br>
built three sewage treatment stations that can treat 12,000 tonnes of sewage a day. All villages along the river were connected to the sewer network.</p>
<h2>II. Next Steps</h2>
<p>This year, eight kilometres of shelter forest will be planted along the lower reaches. The county water bureau will also publish water quality results every month.</p>
<ol class="notes"><li id="n1">Excluding outlets already out of use. <a href="#r1">↩</a></li></ol>
</article></main>
<footer><p>Nanping County Water Bureau, 8 Hexi Road</p></footer>
</body></html>"##;

fn write(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_string()
}

#[test]
fn a_site_page_aligns_by_its_text_alone() {
    let dir = tempfile::tempdir().unwrap();
    let zh = write(dir.path(), "brief.zh.html", ZH_PAGE);
    let en = write(dir.path(), "brief.en.html", EN_PAGE);
    let out = run_ok(&["align", "--format", "tsv", &zh, &en]);
    let pairs: Vec<(&str, &str)> = out
        .lines()
        .skip(1)
        .map(|l| {
            let mut cols = l.split('\t');
            (cols.next().unwrap(), cols.next().unwrap_or(""))
        })
        .collect();
    assert_eq!(
        pairs,
        [
            (
                "清水河治理简报",
                "Briefing on the Clean-up of the Qingshui River"
            ),
            (
                "去年，南平县关闭了清水河沿岸的四十二处排污口，河水水质明显好转。",
                "Last year, Nanping County closed 42 sewage outlets along the Qingshui River, and the water quality improved markedly."
            ),
            ("一、主要做法", "I. Main Measures"),
            (
                "县里在上游修建了三座污水处理站，每天可处理污水一万二千吨。",
                "Upstream, the county built three sewage treatment stations that can treat 12,000 tonnes of sewage a day."
            ),
            (
                "沿河村庄全部接入了污水管网。",
                "All villages along the river were connected to the sewer network."
            ),
            ("二、下一步安排", "II. Next Steps"),
            (
                "今年将在下游种植八公里的护岸林。",
                "This year, eight kilometres of shelter forest will be planted along the lower reaches."
            ),
            (
                "县水利局还将每月公布一次水质监测结果。",
                "The county water bureau will also publish water quality results every month."
            ),
            (
                "不含已经停用的排污口。",
                "Excluding outlets already out of use."
            ),
        ]
    );
}
