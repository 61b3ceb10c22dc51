//! Pairing Chinese term candidates with English ones across aligned beads.
//!
//! For a Chinese candidate z and an English candidate e that share beads, the pair is
//! scored as `dice × ((0.2 + lexical)² + recurrence) × unithood × form + glossary`:
//!
//! - `dice` = 2·beads(z∧e) / (beads(z) + beads(e)): association over the collection,
//!   which prefers the English phrase that comes and goes with the term;
//! - `lexical` in 0..1: the share of e's content words that a dictionary gloss of z
//!   (or of its jieba tokens, their words, or a character no word explains) names,
//!   averaged with the share of z's characters that e renders (stems compared, via
//!   [`gloss_stems`]);
//! - `recurrence` up to [`Params::recurrence_weight`]: co-occurrence in several beads
//!   counts even without glosses (十八大 "18th National Congress");
//! - `unithood`: e's share of occurrences outside longer English candidates;
//! - `form` halves verb phrases ("practice the core socialist values") and phrases
//!   ending in a modifier word ("young", "developing socialism with Chinese");
//! - `glossary` = 1 when the glossary lists e for z.
//!
//! e must co-occur `min_freq` times, unless its words say z word for word. The
//! best-scoring e is the rendering; it grows to a longer English candidate that
//! co-occurs as often and whose extra words render more of z ("great cause" ->
//! "great cause of socialism with Chinese characteristics"), or that nearly only comes
//! with z while e leaves part of z unrendered (across a stop word only when e leaves a
//! character of z wholly unrendered). A rendering of less than half of z grows to a
//! longer one seen `min_freq` times. In the term's beads without it, the best e with
//! word-level evidence is recorded as another rendering.
//!
//! A term below `min_freq` is paired only when it is a dictionary or glossary entry of
//! 3+ characters and its rendering is what the entry's glosses say, or a noun compound
//! of dictionary words (4+ characters) rendered word for word; a term C-value
//! finds only inside longer candidates needs such evidence too. A verb rendered as an
//! English verb is dropped. Then fragments go (`fragments`): 特色社会主义
//! "socialism" inside 中国特色社会主义; of two nested terms with one rendering the
//! one leaving more unrendered (党的十八大, 各级党委); a verb with a term for its object
//! (实现中华民族伟大复兴); of two terms overlapping in the text, the one with the
//! other's rendering (发展中国). Terms poorly rendered are paired once more with the
//! kept terms inside them as glosses (十八大精神 "guiding principles of the 18th
//! National Congress"), and fragments are found again. Terms seen in few beads rank
//! lower. Last, each rendering's edges are refitted to the word links inside the beads
//! (`boundaries`: 'Delta' -> 'Pearl River Delta' for 珠江三角洲), and phrases the
//! translation writes as names pair with the Chinese their links tie them to, when a
//! gloss or the pinyin vouches for it (`names`: 海关 'Customs', seen once).

use rustc_hash::{FxHashMap as HashMap, FxHashSet};

use super::candidates::{
    self, Candidate, CandidateSet, Reading, english_word_key, is_zh_function_word,
};
use super::{Explained, Fate, GlossaryOptions, Params, Rendering, TermPair, texts};
use crate::lexicon::{Resources, english_stem, gloss_stems, is_english_stopword, stems_match};
use crate::pairs::AlignedPair;
use crate::segment::words::{WordSegmenter, normalize_key};

/// Extract term pairs from aligned beads, best first.
pub fn extract(
    pairs: &[AlignedPair],
    resources: &Resources,
    opts: &GlossaryOptions,
) -> Vec<TermPair> {
    // The word links only refit renderings at the end: they train on the other core
    // while the terms are paired.
    let (links, paired) = rayon::join(
        || crate::wordalign::word_links(pairs, resources),
        || pair(pairs, resources, opts),
    );
    paired.finish(pairs, &links, resources, opts)
}

/// [`extract`], and what became of every Chinese candidate (kept ones included), in
/// the order of the candidates' frequency: for a user asking why a term is missing.
pub fn extract_explained(
    pairs: &[AlignedPair],
    resources: &Resources,
    opts: &GlossaryOptions,
) -> (Vec<TermPair>, Vec<Explained>) {
    let (links, paired) = rayon::join(
        || crate::wordalign::word_links(pairs, resources),
        || Paired::new(pairs, resources, opts, true),
    );
    paired.finish_explained(pairs, &links, resources, opts)
}

/// Term pairs found by co-occurrence, before the word links refit their renderings
/// and add the names ([`Paired::finish`]): for a caller that has the links of the
/// same beads already, or makes them meanwhile ([`extract`] does both).
pub struct Paired {
    terms: Vec<TermPair>,
    /// Pairs that are terms when the word links widen their rendering.
    wider: Vec<TermPair>,
    /// When asked for: every candidate's fate so far, the kept ones provisionally.
    fates: Option<Vec<Explained>>,
}

/// The first step of [`extract`]: term pairs from co-occurrence and the dictionary.
pub fn pair(pairs: &[AlignedPair], resources: &Resources, opts: &GlossaryOptions) -> Paired {
    Paired::new(pairs, resources, opts, false)
}

impl Paired {
    fn new(
        pairs: &[AlignedPair],
        resources: &Resources,
        opts: &GlossaryOptions,
        explain: bool,
    ) -> Self {
        let mut fates = explain.then(Vec::new);
        let (terms, wider) = paired_terms(pairs, resources, opts, fates.as_mut());
        Paired {
            terms,
            wider,
            fates,
        }
    }

    /// The last step of [`extract`]: renderings refit to the word links (`links[i]`
    /// are those of `pairs[i]`), names added, best first.
    pub fn finish(
        self,
        pairs: &[AlignedPair],
        links: &[crate::wordalign::WordLinks],
        resources: &Resources,
        opts: &GlossaryOptions,
    ) -> Vec<TermPair> {
        self.finish_explained(pairs, links, resources, opts).0
    }

    /// [`Paired::finish`], and every candidate's fate when [`extract_explained`] asked
    /// for them.
    fn finish_explained(
        self,
        pairs: &[AlignedPair],
        links: &[crate::wordalign::WordLinks],
        resources: &Resources,
        opts: &GlossaryOptions,
    ) -> (Vec<TermPair>, Vec<Explained>) {
        let mut out = self.terms;
        let en_keys = super::boundaries::en_keys(links);
        super::boundaries::fit(&mut out, pairs, links, &en_keys, &opts.params);
        out.extend(super::boundaries::widened(
            self.wider,
            pairs,
            links,
            &en_keys,
            &opts.params,
        ));
        // The word links may show a verb's rendering beside its object's ('foster'
        // of 发扬奋斗精神 'spirit of struggle'): a verb and its object rendered by a verb
        // and its object is what the text does, as a verb rendered by a verb is.
        let (kept, verb_phrases): (Vec<TermPair>, Vec<TermPair>) = out.into_iter().partition(|t| {
            let words: Vec<String> = t.en.split_whitespace().map(str::to_lowercase).collect();
            !(verb_phrase_words(&words)
                && resources
                    .words
                    .jieba()
                    .cut(&t.zh, false)
                    .first()
                    .is_some_and(|w| w.word != t.zh && is_verb(w.word, resources)))
        });
        out = kept;
        super::names::add(&mut out, pairs, links, resources, opts);
        super::names::possessives_dropped(&mut out);
        super::names::spelled_in_full(&mut out, pairs, resources, opts.params.examples);
        super::boundaries::linked_renderings(&mut out, pairs, links, &en_keys);
        still_approved(&mut out, resources);
        super::case::as_written(&mut out, pairs);
        out.sort_by(|a, b| b.score.total_cmp(&a.score).then_with(|| a.zh.cmp(&b.zh)));
        let below = opts
            .top
            .map_or(Vec::new(), |n| out.split_off(n.min(out.len())));
        let Some(mut fates) = self.fates else {
            return (out, Vec::new());
        };
        // C-values were recorded with the candidates; the pairs carry none, and a name
        // the links added was never a candidate.
        let own: HashMap<String, f64> = fates
            .iter()
            .filter_map(|e| Some((e.zh.clone(), e.own?)))
            .collect();
        let own = &own;
        let fate = |fate: Fate| {
            move |t: TermPair| Explained {
                zh: t.zh.clone(),
                fate,
                frequency: t.frequency,
                own: own.get(&t.zh).copied(),
                pair: Some(t),
            }
        };
        let mut more: Vec<Explained> = out
            .iter()
            .cloned()
            .map(fate(Fate::Kept))
            .chain(below.into_iter().map(fate(Fate::BelowTop)))
            .collect();
        // A verb phrase's Chinese may come back as a name the links found.
        let mut decided: FxHashSet<String> = more.iter().map(|e| e.zh.clone()).collect();
        more.extend(
            verb_phrases
                .into_iter()
                .filter(|t| decided.insert(t.zh.clone()))
                .map(fate(Fate::NotATerm)),
        );
        // The provisional rows of the pairing step give way to the final ones (a name
        // the links added may be a candidate dropped before).
        fates.retain(|e| e.fate != Fate::Kept && !decided.contains(&e.zh));
        fates.extend(more);
        fates.sort_by(|a, b| b.frequency.cmp(&a.frequency).then_with(|| a.zh.cmp(&b.zh)));
        (out, fates)
    }
}

/// Term pairs, fragments left out, in no order; and the pairs dropped only because
/// their rendering is a nested term's ([`Fragments::wider`]).
fn paired_terms(
    pairs: &[AlignedPair],
    resources: &Resources,
    opts: &GlossaryOptions,
    mut explain: Option<&mut Vec<Explained>>,
) -> (Vec<TermPair>, Vec<TermPair>) {
    let (zh_texts, en_texts) = texts(pairs);
    let params = &opts.params;
    let floor = opts.min_freq.min(opts.min_freq_supported);
    let zh = candidates::chinese_with_dictionary(
        &zh_texts,
        floor,
        resources.dictionary.as_ref(),
        &resources.words,
        params,
    );
    let en = candidates::english(&en_texts, 1, params);
    // Candidate keys are normalized (NFKC, lower case); so must the text they are
    // looked for in be.
    let zh_keyed: Vec<String> = zh_texts.iter().map(|t| normalize_key(t)).collect();
    let mut zh = zh;
    occurs_wherever_written(&mut zh, &zh_keyed, &resources.words);
    let mut evidence = Evidence::new(resources, &en, params);
    evidence.median_word_termhood = zh.median_word_termhood;
    let mut found: Vec<Found> = Vec::new();
    for z in &zh.list {
        match pair_term(z, &en, &mut evidence, pairs, opts) {
            Ok(f) => found.push(f),
            Err((fate, f)) => {
                if let Some(fates) = explain.as_deref_mut() {
                    fates.push(explained(z, fate, f.map(|p| *p)));
                }
            }
        }
    }
    // A longer term is often rendered by the renderings of the terms inside it
    // (十八大精神 "guiding principles of the 18th National Congress"): pair again the
    // terms whose rendering leaves most of them unrendered and that hold a kept term,
    // with its rendering as one more gloss.
    let first_fragments = fragments(&found, &en, &zh_keyed, resources, opts.min_freq, params);
    evidence.renderings = found
        .iter()
        .enumerate()
        .filter(|&(i, f)| !first_fragments.dropped(i) && f.named > 0.0)
        .map(|(_, f)| (f.z.key.clone(), f.stems.clone()))
        .collect();
    let poor: Vec<usize> = (0..found.len())
        .filter(|&i| {
            !first_fragments.dropped(i)
                && found[i].rendered < params.poor_rendering_below
                && evidence.holds_rendered_term(&found[i].z.key)
        })
        .collect();
    for i in poor {
        if let Ok(f) = pair_term(found[i].z, &en, &mut evidence, pairs, opts)
            && f.en != found[i].en
            && f.rendered > found[i].rendered
        {
            found[i] = f;
        }
    }
    let decided = fragments(&found, &en, &zh_keyed, resources, opts.min_freq, params);
    let mut fragment: Vec<bool> = (0..found.len()).map(|i| decided.dropped(i)).collect();
    only_inside_others(&found, &mut fragment, &zh_keyed);
    let (mut kept, mut wider) = (Vec::new(), Vec::new());
    for ((f, fragment), wide) in found.into_iter().zip(fragment).zip(decided.wider) {
        if let Some(fates) = explain.as_deref_mut() {
            let fate = if fragment { Fate::Fragment } else { Fate::Kept };
            fates.push(explained(f.z, fate, Some(f.pair.clone())));
        }
        if !fragment {
            kept.push(f.pair);
        } else if wide && noun_phrase(f.z, &resources.words) {
            wider.push(f.pair);
        }
    }
    (kept, wider)
}

/// jieba cuts a word it does not know differently by what stands around it (达格列净
/// as 达格/列净, but 达格/列/净组 before 组): a candidate of four characters or more
/// with a piece jieba does not know occurs in every bead that writes it (not before a
/// bound suffix), whatever the cut there, so that the English it comes with is counted
/// in all of them. Its frequency stays the count of its cuts, which C-value weighed.
fn occurs_wherever_written(zh: &mut CandidateSet, keyed: &[String], words: &WordSegmenter) {
    let cut_unknown: Vec<usize> = (0..zh.list.len())
        .filter(|&k| {
            let c = &zh.list[k];
            c.key.chars().count() >= 4 && c.parts.iter().any(|p| !words.jieba().has_word(p))
        })
        .collect();
    if cut_unknown.is_empty() {
        return;
    }
    // One pass over the text for all of them.
    let Ok(matcher) = aho_corasick::AhoCorasick::new(cut_unknown.iter().map(|&k| &zh.list[k].key))
    else {
        return;
    };
    let mut written: Vec<Vec<usize>> = vec![Vec::new(); cut_unknown.len()];
    for (b, text) in keyed.iter().enumerate() {
        for m in matcher.find_overlapping_iter(text) {
            let suffixed = text[m.end()..]
                .chars()
                .next()
                .is_some_and(candidates::is_bound_suffix);
            let beads = &mut written[m.pattern().as_usize()];
            if !suffixed && beads.last() != Some(&b) {
                beads.push(b);
            }
        }
    }
    for (k, beads) in cut_unknown.into_iter().zip(written) {
        if beads.len() > zh.list[k].beads.len() {
            zh.list[k].beads = beads;
        }
    }
}

/// The row [`extract_explained`] gives a candidate.
fn explained(z: &Candidate, fate: Fate, pair: Option<TermPair>) -> Explained {
    Explained {
        zh: z.display.clone(),
        fate,
        frequency: z.freq,
        own: Some(round3(z.cvalue)),
        pair,
    }
}

/// Pair one Chinese candidate, or say why not: rare without word-level support, no
/// rendering in the translation, or a rendering that says it is no term (that one
/// given too).
fn pair_term<'c>(
    z: &'c Candidate,
    en: &CandidateSet,
    evidence: &mut Evidence,
    pairs: &[AlignedPair],
    opts: &GlossaryOptions,
) -> Result<Found<'c>, (Fate, Option<Box<TermPair>>)> {
    let params = evidence.params;
    let rare = z.freq < opts.min_freq;
    let entry = z.key.chars().count() >= params.rare_min_chars && evidence.is_entry(&z.key);
    let compound = rare && !entry && noun_compound(z, evidence);
    if rare && !(z.freq >= opts.min_freq_supported && (entry || compound)) {
        return Err((Fate::Rare, None));
    }
    // Association says little about a rare term, and a term C-value finds only
    // inside longer candidates may be the term or their fragment: the dictionary
    // (for rare terms) and word-level evidence of the rendering must vouch for it.
    let lexical = if compound {
        Some(params.compound_min_lexical)
    } else if rare {
        Some(params.supported_min_lexical)
    } else if z.cvalue <= 0.0 {
        Some(params.nested_min_lexical)
    } else {
        None
    };
    let min_freq = if rare {
        opts.min_freq_supported
    } else {
        opts.min_freq
    };
    let f = pair_one(z, en, evidence, pairs, min_freq, lexical).ok_or((Fate::NoRendering, None))?;
    let e = &en.list[f.en];
    // The rendering as the term's beads write it.
    let here = e.display_in(&z.beads);
    // A rendering the translation writes as a name, and that renders every word of
    // the term, names a thing, whatever verb the Chinese starts with (渡灯节 'Ferry
    // Lantern Festival').
    let term = (f.name && f.unrendered == 0.0 && z.parts.len() >= 2
        || read_as_term(z, &f, e, evidence)
            && !verb_for_verb(z, e, evidence.resources)
            && !verb_led(z, e, &here, evidence.resources)
            && !tells_an_act(z, &here, evidence.resources))
        // A compound seen once rendered by a phrase that ends in a modifier is part
        // of a longer name (基本经济 "basic economic" of 基本经济制度).
        && !(compound && (modifier_last(e, en, params) || verb_phrase(e)))
        // A number with its measure word is a quantity ('eight thousand yuan'), unless
        // the translation names one particular thing (十八大 '18th National Congress').
        && !(is_quantity(&z.key) && counts_a_quantity(&z.key, &here) && !f.name);
    if term {
        Ok(f)
    } else {
        Err((Fate::NotATerm, Some(Box::new(f.pair))))
    }
}

/// Does the rendering `en` of a quantity-shaped term `zh` ([`is_quantity`]) give a
/// quantity: not written as a name (its first word may open a sentence) nor an order,
/// and for a numeral with one character, a count (二胡 'erhu' names an instrument),
/// unless the character is a measure after 一 or the term is numerals alone.
fn counts_a_quantity(zh: &str, en: &str) -> bool {
    let numbers = crate::numbers::extract_en(en);
    (!numbers.is_empty()
        || zh.chars().count() > 2
        || zh.starts_with('一')
        || zh.chars().all(crate::numbers::is_zh_numeral))
        && !en
            .split(' ')
            .skip(1)
            .any(|w| w.starts_with(char::is_uppercase))
        && !numbers
            .iter()
            .any(|m| m.kind == crate::numbers::NumberKind::Ordinal)
}

/// Is the Chinese a number and at most a measure word after it, said once or repeated
/// (四十, 八千块, 一百零八盏, 一盏一盏, 两个月)? Not a word that ends in a numeral (统一).
fn is_quantity(zh: &str) -> bool {
    // The common numerals, and 个 that counts with them (两个月): the financial ones
    // (陆, 伍) are everyday characters too.
    let numeral =
        |c: char| "〇零一二两三四五六七八九十百千万亿个".contains(c) || c.is_ascii_digit();
    let mut others = zh
        .chars()
        .skip_while(|&c| numeral(c))
        .filter(|&c| !numeral(c));
    let measure = others.next();
    zh.starts_with(|c| c != '个' && numeral(c))
        && others.all(|c| Some(c) == measure)
        && zh
            .chars()
            .last()
            .is_some_and(|c| Some(c) == measure || numeral(c))
}

/// A term seen once that no dictionary lists may still be a name made of dictionary
/// words (民主党派, 人民代表大会制度): every token a dictionary word, a noun last and no
/// verb (a verb and its object is what the text does), and then it must be
/// rendered word for word ([`Params::compound_min_lexical`]).
fn noun_compound(z: &Candidate, ev: &mut Evidence) -> bool {
    z.key.chars().count() >= ev.params.compound_min_chars
        && !z.parts.iter().any(|p| is_zh_function_word(p))
        && !z
            .parts
            .iter()
            .any(|p| candidates::zh_tag(p, ev.words()) == "v")
        && candidates::is_noun(&z.parts[z.parts.len() - 1], ev.words())
        && z.parts.iter().all(|p| made_of_entries(p, ev))
}

/// A term names a thing: jieba reads a noun or a noun suffix (者, 们: its k) last, and
/// no verb (a verb and its object is what the text does).
fn noun_phrase(z: &Candidate, words: &WordSegmenter) -> bool {
    let tagged = words.jieba().tag(&z.key, false);
    !tagged.iter().any(|t| t.tag == "v")
        && tagged
            .last()
            .is_some_and(|t| t.tag.starts_with('n') || t.tag == "k")
}

/// Is `word` a dictionary word, or 4+ characters that dictionary words of 2+
/// characters cover (jieba keeps 民主党派 and 爱国统一战线 whole)?
fn made_of_entries(word: &str, ev: &mut Evidence) -> bool {
    let len = word.chars().count();
    if ev.is_entry(word) {
        return len >= 2;
    }
    if len < ev.params.compound_min_chars {
        return false;
    }
    let mut covered = vec![false; len];
    for t in ev.words().jieba().cut_for_search(word, false) {
        let n = t.word.chars().count();
        if n >= 2 && n < len && ev.is_entry(t.word) {
            let start = word[..t.byte_start].chars().count();
            covered[start..start + n].iter_mut().for_each(|c| *c = true);
        }
    }
    covered.iter().all(|&c| c)
}

/// Dictionary or glossary words of 4+ characters inside `word` (shorter ones come from
/// jieba's search cut), with the character they start at.
fn inner_entries<'w>(word: &'w str, ev: &mut Evidence) -> Vec<(usize, &'w str)> {
    candidates::inner_spans(
        word,
        ev.params.dictionary_inner_min_chars,
        ev.params.inner_entry_max_chars,
    )
    .into_iter()
    .filter(|&(_, _, w)| ev.is_entry(w))
    .map(|(start, _, w)| (start, w))
    .collect()
}

/// A Chinese verb rendered by an English verb is what the text does (实现 "realize",
/// 贯彻 "implement"); a verb is a term when the translation names it as a concept
/// (创新 "innovation", 执政 "governance").
fn verb_for_verb(z: &Candidate, e: &Candidate, resources: &Resources) -> bool {
    if e.parts.len() != 1 {
        return verb_phrase_for_verb(z, e, resources);
    }
    // jieba may cut the word (领/会) where the text around it says so: a dictionary
    // word is one word.
    let word_z = z.parts.len() == 1
        || resources
            .dictionary
            .as_ref()
            .is_some_and(|d| d.contains(&z.key));
    // jieba tags some verbs as nouns (证明 'prove'): a rendering that is the verb of
    // one of the word's dictionary senses ("to prove") says it is used as one.
    if !word_z || !(is_verb(&z.key, resources) || starts_with_verb_of(&z.key, e, resources)) {
        return false;
    }
    // "implement" ends like "development" but its stem keeps the ending.
    let nominal =
        |word: String| has_noun_ending(&word) && !(word.ends_with("ment") && e.parts[0] == word);
    // Nominal where the term is and in the text at large: "understanding" may be how
    // the text mostly says it, "understand" how it renders 领会.
    let here = e.display_in(&z.beads);
    let noun = nominal(e.display.to_lowercase()) && nominal(here.to_lowercase());
    !noun && !noun_sense(&z.key, &here, resources)
}

/// A Chinese verb rendered by an English phrase that opens with a verb the dictionary
/// gives for it (做爱 "make love", 照顾 "take care"): what the text does, as above.
fn verb_phrase_for_verb(z: &Candidate, e: &Candidate, resources: &Resources) -> bool {
    let word_z = z.parts.len() == 1
        || resources
            .dictionary
            .as_ref()
            .is_some_and(|d| d.contains(&z.key));
    let noun_use = used_as_noun(&e.display_in(&z.beads));
    // An idiom (jieba's i and l) is a set phrase however it is rendered (实事求是 "seek
    // truth from facts").
    let idiom = matches!(candidates::zh_tag(&z.key, &resources.words), "i" | "l");
    word_z
        && !noun_use
        && !idiom
        && is_verb(&z.key, resources)
        && starts_with_verb_of(&z.key, e, resources)
}

/// Is the phrase's first word, spelt as a verb, used as a noun? A noun spelt as the
/// verb is followed by 'of' or coordinated ('rule of law', 'reform and opening up'); an
/// -ing form may be a noun ('opening up').
fn used_as_noun(phrase: &str) -> bool {
    let mut words = phrase.split([' ', '-']);
    let first = words.next().unwrap_or_default().to_lowercase();
    first.ends_with("ing")
        || words
            .next()
            .is_some_and(|w| ["of", "and", "or"].contains(&w))
}

/// A phrase led by a verb rendered (`here`, as its beads write it) by that verb acting
/// on the rest ('open the gate' for 打开大门, 'catch a cold' for 得了感冒) says what is
/// done, not what a thing is called.
fn verb_led(z: &Candidate, e: &Candidate, here: &str, resources: &Resources) -> bool {
    z.parts.len() >= 2
        && candidates::zh_tag(&z.parts[0], &resources.words) == "v"
        && starts_with_verb_of(&z.parts[0], e, resources)
        && !used_as_noun(here)
}

/// Does the (lower-case) English word end like a noun made from a verb or adjective
/// (innovation, abundance, preferences, consistency)?
fn has_noun_ending(word: &str) -> bool {
    const NOUN_ENDINGS: &[&str] = &[
        "tion", "sion", "ment", "ance", "ence", "ity", "ism", "ship", "ness", "ing", "ure",
    ];
    singular_forms(word).any(|w| NOUN_ENDINGS.iter().any(|n| w.ends_with(n)))
}

/// Does the rendering read a candidate whose Chinese words suggest a phrase as a term?
/// A verb and its object are one thing when rendered as a noun phrase that renders
/// the verb too ("expected returns", not "realize the Chinese Dream" or "Chinese
/// Dream"); an adjective or adverb is a concept when rendered by a noun
/// ("preferences", not "firm"); a time word was settled with the candidates.
fn read_as_term(z: &Candidate, f: &Found, e: &Candidate, evidence: &Evidence) -> bool {
    let resources = evidence.resources;
    match z.reading {
        Reading::Term => true,
        Reading::VerbAndObject => {
            let verb = &z.parts[0];
            glosses_name(verb, e, resources)
                && !verb_phrase(e)
                && !starts_with_verb_of(verb, e, resources)
        }
        Reading::Time => false,
        Reading::AdverbBeforeNoun => modifies_with_word_gloss(&z.parts[0], e, resources),
        Reading::Description => {
            // The form used here: a stem key groups "diligence" with "diligently".
            let word = f.pair.en.to_lowercase();
            // Adjectives end in -ing and -ure too ("untiring", "mature"); "implement"
            // keeps its -ment in its stem, "development" does not.
            e.parts.len() == 1
                // Everyday qualities (unity, happiness) are no terms: only one more
                // typical of this text than its words mostly are.
                && z.termhood >= evidence.median_word_termhood
                && !word.ends_with("ing")
                && !word.ends_with("ure")
                && !(word.ends_with("ment") && english_stem(&word) == word)
                && has_noun_ending(&word)
        }
    }
}

/// Does a word among those right before the English candidate's head (its last word)
/// stand as a whole one-word dictionary gloss of `word`: a modifier ("permanent" of
/// 永久, "natural" in "protected natural areas"; not "course" of 当然 "of course")?
fn modifies_with_word_gloss(word: &str, e: &Candidate, resources: &Resources) -> bool {
    let words: Vec<String> = e
        .display
        .split_whitespace()
        .map(str::to_lowercase)
        .collect();
    let Some((_, modifiers)) = words.split_last() else {
        return false;
    };
    let Some(d) = resources.dictionary.as_ref() else {
        return false;
    };
    let glosses = d.glosses(word);
    // The modifiers are the words right before the head: 'on the' ends them ("rely
    // closely on the people" is a verb phrase).
    modifiers
        .iter()
        .rev()
        .take_while(|w| !is_english_stopword(w))
        .any(|w| {
            glosses
                .iter()
                .flat_map(|g| g.split(';'))
                .any(|g| g.trim().eq_ignore_ascii_case(w))
        })
}

/// Does a dictionary gloss of `word` name a word of the English candidate (stems)?
fn glosses_name(word: &str, e: &Candidate, resources: &Resources) -> bool {
    resources.dictionary.as_ref().is_some_and(|d| {
        d.glosses(word).iter().any(|g| {
            gloss_stems(g)
                .iter()
                .any(|g| e.parts.iter().any(|p| stems_match(g, p)))
        })
    })
}

/// Is a word of `en` a past form of a verb a dictionary gloss of `word` gives
/// ("emphasized" for 强调 "to emphasize")?
fn renders_as_past(word: &str, en: &str, resources: &Resources) -> bool {
    en.split_whitespace()
        .any(|w| past_of(word, &w.to_lowercase(), resources))
}

/// Is `en_word` (lower case) a past form, -ed or irregular ('said'), of a verb a
/// dictionary gloss of `zh_word` gives ("to say")? Nouns end in -ed too ('watershed').
fn past_of(zh_word: &str, en_word: &str, resources: &Resources) -> bool {
    let Some(d) = resources.dictionary.as_ref() else {
        return false;
    };
    let base = match crate::lexicon::irregular_past_base(en_word) {
        Some(base) => base,
        None if en_word.len() > 4 && en_word.ends_with("ed") => en_word,
        None => return false,
    };
    let stem = english_stem(base);
    d.glosses(zh_word)
        .iter()
        .flat_map(|g| g.split(';'))
        .filter_map(|g| g.trim().strip_prefix("to ")?.split_whitespace().next())
        .any(|verb| stems_match(&english_stem(verb), &stem))
}

/// Does the rendering tell what the term's subject did: a past form rendering a word
/// after the first, at the rendering's end or before a name ('Fang Xiaochuan laughed',
/// 'said Old Zhou' for a name and 笑道 or 道)? A participle before a noun names a kind of
/// thing instead ('protected areas').
fn tells_an_act(z: &Candidate, en: &str, resources: &Resources) -> bool {
    let words: Vec<&str> = en.split_whitespace().collect();
    z.parts.len() >= 2
        && (0..words.len()).any(|i| {
            let finite = words
                .get(i + 1)
                .is_none_or(|next| next.starts_with(|c: char| c.is_uppercase()));
            finite
                && z.parts[1..]
                    .iter()
                    .any(|p| past_of(p, &words[i].to_lowercase(), resources))
        })
}

/// Is `rendering` a word of a sense of `word` that is no verb (no "to ...")? 分析 is
/// "to analyze" first, but "analysis" too. Word forms are compared, not stems:
/// "mobilization" is 动员's noun, "mobilize" its verb.
fn noun_sense(word: &str, rendering: &str, resources: &Resources) -> bool {
    let rendering = rendering.to_lowercase();
    resources.dictionary.as_ref().is_some_and(|d| {
        d.glosses(word)
            .iter()
            .flat_map(|g| g.split(';'))
            .map(str::trim)
            .filter(|g| !g.starts_with("to "))
            .any(|g| {
                g.split(|c: char| !c.is_alphanumeric())
                    .any(|w| singular_forms(&rendering).any(|r| w.eq_ignore_ascii_case(r)))
            })
    })
}

/// The (lower-case) English word and what it is without a plural ending: "images",
/// "image"; "echoes", "echo"; "preferences", "preference".
fn singular_forms(word: &str) -> impl Iterator<Item = &str> {
    [Some(word), word.strip_suffix('s'), word.strip_suffix("es")]
        .into_iter()
        .flatten()
}

/// jieba tags it a verb, or the dictionary's first sense is one ("to understand"):
/// jieba's own tags call 领会 and 牢记 nouns. A verbal noun (vn) is left to its tag.
fn is_verb(word: &str, resources: &Resources) -> bool {
    let tag = candidates::zh_tag(word, &resources.words);
    tag == "v" || tag != "vn" && is_verb_sense(word, resources)
}

/// Does the English phrase start with a verb sense of `word` in its base or -ing form
/// (实现 "realize ...", 加快 "accelerating ...")? An English verb phrase starts with
/// its verb; a noun phrase may start with a participle or plural of the same spelling
/// ("expected returns", "needs assessment") or not with the verb at all.
fn starts_with_verb_of(word: &str, e: &Candidate, resources: &Resources) -> bool {
    let Some(head) = e.display.split_whitespace().next() else {
        return false;
    };
    let head = head.to_lowercase();
    let head = head.as_str();
    resources.dictionary.as_ref().is_some_and(|d| {
        // A CC-CEDICT sense may hold several glosses: "to build; to construct".
        d.glosses(word).iter().flat_map(|g| g.split(';')).any(|g| {
            g.trim()
                .strip_prefix("to ")
                .and_then(|v| v.split_whitespace().next())
                .is_some_and(|v| {
                    head == v || head.ends_with("ing") && english_stem(head) == english_stem(v)
                })
        })
    })
}

/// Is the dictionary's first sense of `word` a verb ("to understand")?
fn is_verb_sense(word: &str, resources: &Resources) -> bool {
    resources
        .dictionary
        .as_ref()
        .is_some_and(|d| d.first_sense_is_verb(word))
}

/// A paired term, with what [`fragments`] weighs.
struct Found<'c> {
    z: &'c Candidate,
    pair: TermPair,
    /// The rendering's English candidate and its content stems.
    en: usize,
    stems: Vec<String>,
    /// Content characters of the term the rendering does not render.
    unrendered: f64,
    /// ... and the share of them it renders.
    rendered: f64,
    /// Share of the rendering's content words the term's glosses name.
    named: f64,
    /// The translation writes the rendering as a name inside its sentences.
    name: bool,
}

/// Which terms to drop (true) as fragments of others or free phrases. Of two nested
/// terms, the one that is a fragment of the other:
///
/// - the longer term has the shorter one's rendering, which leaves much of it unrendered
///   (富强民主文明和谐的社会主义现代化国家 "modern socialist country", the rendering
///   of 社会主义现代化国家);
/// - the shorter term's glosses say less than the shared rendering, and it meets the
///   rendering only inside the longer term (疾病 "autoinflammatory disease");
/// - the shorter term nearly always occurs inside the longer one, and has the same
///   rendering, or the longer term recurs, is a C-value term itself, is well rendered
///   and its rendering says all the shorter one's does (特色 "characteristics" inside
///   中国特色社会主义).
fn fragments(
    found: &[Found],
    en: &CandidateSet,
    zh_keyed: &[String],
    resources: &Resources,
    min_freq: usize,
    params: &Params,
) -> Fragments {
    let by_key: HashMap<&str, usize> = found
        .iter()
        .enumerate()
        .map(|(i, f)| (f.z.key.as_str(), i))
        .collect();
    // A verb and its object, the object a term, is what the text does with the term
    // (实现 + 中华民族伟大复兴, 发展 + 社会生产力); a term and a verb its rendering
    // leaves out is what the term does (党的十八大 + 提出, "18th National Congress").
    let with_verb: Vec<bool> = found
        .iter()
        .map(|long| {
            let tag = |w: &str| candidates::zh_tag(w, &resources.words);
            // jieba keeps some verb phrases whole (构建人类命运共同体): a verb of one or
            // two characters before a long term is read as two words (before a short
            // one it makes a compound: 控制系统, 传递函数).
            let mut parts: Vec<&str> = long.z.parts.iter().map(String::as_str).collect();
            if let [word] = parts[..] {
                let split = word
                    .char_indices()
                    .skip(1)
                    .take(2)
                    .map(|(k, _)| k)
                    .find(|&k| {
                        word[k..].chars().count() >= params.vn_object_min_chars
                            && by_key.contains_key(&word[k..])
                            && tag(&word[..k]) == "v"
                    });
                if let Some(k) = split {
                    parts = vec![&word[..k], &word[k..]];
                }
            }
            // Read off one word, with the term's own rendering: the verb is left out.
            let verb_read_off = parts.len() == 2
                && long.z.parts.len() == 1
                && by_key
                    .get(parts[1])
                    .is_some_and(|&o| found[o].en == long.en);
            let n = parts.len();
            if n < 2 {
                return false;
            }
            // An adverbial before the verb leaves a verb and its object (扎实 + 推进 +
            // 共同富裕).
            let verb_at = usize::from(
                n >= 3 && matches!(tag(parts[0]), "a" | "ad" | "d") && tag(parts[1]) == "v",
            );
            // A name is no clause, whatever its first word (渡灯节 'Ferry Lantern
            // Festival').
            let object = !(long.name && long.unrendered == 0.0)
                && by_key.contains_key(parts[verb_at + 1..].concat().as_str())
                && match tag(parts[verb_at]) {
                    // jieba's verbs include nouns and adjectives: a verb where the
                    // dictionary's first sense is one, or where the rendering leaves it
                    // out (坚强 "staunch" of 坚强领导核心 "core leadership"); rendered
                    // otherwise it is part of a name (行为科学家 "behavioral scientists").
                    "v" => {
                        let first = parts[verb_at];
                        let verbal = resources
                            .dictionary
                            .as_ref()
                            .is_none_or(|d| !d.contains(first))
                            || is_verb_sense(first, resources);
                        let left_out = long.unrendered >= first.chars().count() as f64
                            && !glosses_name(first, &en.list[long.en], resources);
                        // The translation says whether the verb acts on the term
                        // ("realize the rejuvenation") or names a kind of it
                        // ("principle of superposition", "expected returns").
                        left_out
                            || verb_read_off
                            || verbal
                                && (verb_phrase(&en.list[long.en])
                                    || starts_with_verb_of(first, &en.list[long.en], resources))
                    }
                    // A verbal noun may modify (发展道路 "development path"): it is a
                    // verb when the translation says so.
                    "vn" => verb_phrase(&en.list[long.en]),
                    _ => false,
                };
            // ... unless the rendering renders the verb too: then it names a kind of
            // thing ("Laplace transform").
            let last = parts[n - 1];
            let verb_last = candidates::zh_tag(last, &resources.words) == "v";
            let subject = by_key
                .get(parts[..n - 1].concat().as_str())
                .is_some_and(|&s| found[s].en == long.en)
                && verb_last
                && !glosses_name(last, &en.list[long.en], resources);
            // ... or renders the verb as a past form: a clause about the term
            // ("emphasized at the Congress"); a term's head is a noun ("transform").
            let clause = verb_last
                && by_key.contains_key(parts[..n - 1].concat().as_str())
                && renders_as_past(last, &long.pair.en, resources);
            object || subject || clause
        })
        .collect();
    let mut fragment = with_verb.clone();
    // Two terms that overlap in the text (发展中国 and 中国特色社会主义 in
    // 发展中国特色社会主义): when one's rendering holds the other's, whose glosses name
    // it better, the rendering was the other's ("developing socialism with Chinese
    // characteristics").
    let mut by_first: HashMap<char, Vec<usize>> = HashMap::default();
    for (i, f) in found.iter().enumerate() {
        if let Some(c) = f.z.key.chars().next() {
            by_first.entry(c).or_default().push(i);
        }
    }
    for (a, left) in found.iter().enumerate() {
        let key = left.z.key.as_str();
        for (start, c) in key.char_indices().skip(1) {
            let tail = &key[start..];
            for &b in by_first.get(&c).into_iter().flatten() {
                let right = &found[b];
                if right.z.key.len() <= tail.len() || !right.z.key.starts_with(tail) {
                    continue;
                }
                let joined = format!("{}{}", &key[..start], right.z.key);
                for (x, y) in [(a, b), (b, a)] {
                    let (x_f, y_f) = (&found[x], &found[y]);
                    if y_f.stems.len() > 1
                        && y_f.stems.iter().all(|s| x_f.stems.contains(s))
                        && y_f.named > x_f.named
                        && overlap_share(&joined, x_f.z, zh_keyed) >= params.overlap_min_share
                    {
                        fragment[x] = true;
                    }
                }
            }
        }
    }
    // Longer terms given a nested term's rendering, which leaves their other words
    // unrendered: the word links may yet find their own ([`Fragments::wider`]).
    let mut wider = vec![false; found.len()];
    for (l, long) in found.iter().enumerate() {
        for (_, _, inner) in candidates::inner_spans(&long.z.key, 1, usize::MAX) {
            let Some(&s) = by_key.get(inner) else {
                continue;
            };
            let short = &found[s];
            let same = short.en == long.en;
            if with_verb[l] || with_verb[s] {
                // A free phrase says nothing of the terms around or inside it.
                continue;
            }
            if same
                && short.named < 1.0
                && !alone_with_rendering(short.z, &long.z.key, &en.list[short.en], zh_keyed)
            {
                // The rendering says more than the shorter term's glosses, and wherever
                // the two come together the longer term is there: the rendering is the
                // longer term's (C-value's rule, per rendering).
                fragment[s] = true;
                continue;
            }
            if same
                && short.z.reading == Reading::Description
                && long.z.freq as f64 >= params.fragment_min_share * short.z.freq as f64
            {
                // A quality that mostly comes in a longer term with its rendering is
                // that term's modifier (奢靡 of a term for a tendency to extravagance).
                fragment[s] = true;
                continue;
            }
            if same
                && short.z.freq <= long.z.freq
                && (short.named == 0.0 || short.named < long.named)
            {
                // The shorter term never occurs outside the longer one, and the
                // glosses tie the rendering to it less than to the longer one, or
                // not at all: the rendering is the longer term's (血肉 of 血肉联系
                // "close ties").
                fragment[s] = true;
            } else if same && long.unrendered - short.unrendered >= params.fragment_min_unrendered {
                wider[l] = true;
            } else if same && short.named == 0.0 && long.named > 0.0 {
                // Only association pairs the shorter term with the rendering, and
                // the longer one's glosses name it: the association is the longer
                // term's (主义 "socialism" inside 社会主义).
                fragment[s] = true;
            } else if long.z.freq as f64 >= params.fragment_min_share * short.z.freq as f64
                && (same
                    || long.z.freq >= min_freq
                        && long.z.cvalue > 0.0
                        && long.unrendered < params.fragment_min_unrendered
                        && short.stems.iter().all(|x| long.stems.contains(x)))
            {
                // With the same rendering, a longer term that leaves a word more
                // unrendered is the term with a modifier (各级党委 and 党委 "Party
                // committees"); in a 的 phrase one character more is enough
                // (党的十八大 and 十八大 "18th National Congress"): 的 phrases are
                // free phrases more often than terms.
                let more = long.unrendered - short.unrendered;
                let de = long.z.parts.iter().any(|p| p == "的") && !short.z.key.contains('的');
                if same && short.named >= long.named && (more >= 2.0 || de && more >= 1.0) {
                    wider[l] = true;
                    continue;
                }
                fragment[s] = true;
            }
        }
    }
    let wider = wider
        .iter()
        .zip(&fragment)
        .map(|(&w, &f)| w && !f)
        .collect();
    Fragments { fragment, wider }
}

/// What [`fragments`] decided.
struct Fragments {
    /// Dropped for some reason other than [`Fragments::wider`]'s.
    fragment: Vec<bool>,
    /// Dropped only because the rendering is a nested term's and leaves the other
    /// words unrendered (北方港口 'harbour'): kept after all when the word links widen
    /// it ('northern harbour').
    wider: Vec<bool>,
}

impl Fragments {
    fn dropped(&self, i: usize) -> bool {
        self.fragment[i] || self.wider[i]
    }
}

/// A kept term that never occurs in the text outside longer kept terms with its
/// rendering is a fragment of them (高祖父 only ever in 外高祖父, both
/// 'great-great-grandfather'): C-value's rule, on the text itself, as jieba cuts the same
/// string differently in different sentences.
fn only_inside_others(found: &[Found], fragment: &mut [bool], zh_keyed: &[String]) {
    let kept: HashMap<&str, usize> = found
        .iter()
        .zip(fragment.iter())
        .enumerate()
        .filter(|(_, (_, f))| !**f)
        .map(|(i, (f, _))| (f.z.key.as_str(), i))
        .collect();
    let mut containers: HashMap<usize, Vec<&str>> = HashMap::default();
    for (&long, _) in kept.iter() {
        for (_, _, inner) in candidates::inner_spans(long, 1, usize::MAX) {
            if let Some(&s) = kept.get(inner)
                && found[s].pair.en == found[kept[long]].pair.en
            {
                containers.entry(s).or_default().push(long);
            }
        }
    }
    for (short, longs) in containers {
        let key = found[short].z.key.as_str();
        let own = zh_keyed
            .iter()
            .any(|text| text.contains(key) && occurs_outside(text, key, &longs));
        if !own {
            fragment[short] = true;
        }
    }
}

/// Does `key` occur in `text` other than inside one of `longs`?
fn occurs_outside(text: &str, key: &str, longs: &[&str]) -> bool {
    let covers: Vec<(usize, usize)> = longs
        .iter()
        .flat_map(|l| text.match_indices(l).map(|(at, l)| (at, at + l.len())))
        .collect();
    text.match_indices(key)
        .any(|(at, k)| !covers.iter().any(|&(s, e)| s <= at && at + k.len() <= e))
}

/// Does `short` occur outside `long` in a bead where the rendering `e` occurs too?
fn alone_with_rendering(short: &Candidate, long: &str, e: &Candidate, zh_keyed: &[String]) -> bool {
    let (mut i, mut j) = (0, 0);
    // Both bead lists ascend: walk them together.
    while i < short.beads.len() && j < e.beads.len() {
        let (a, b) = (short.beads[i], e.beads[j]);
        if a < b {
            i += 1;
        } else if b < a {
            j += 1;
        } else {
            if occurs_outside(&zh_keyed[a], &short.key, &[long]) {
                return true;
            }
            i += 1;
            j += 1;
        }
    }
    false
}

/// The share of `z`'s beads where it occurs inside `joined` (bead texts keyed as
/// candidates are).
fn overlap_share(joined: &str, z: &Candidate, zh_keyed: &[String]) -> f64 {
    let inside = z
        .beads
        .iter()
        .filter(|&&b| zh_keyed[b].contains(joined))
        .count();
    inside as f64 / z.beads.len().max(1) as f64
}

/// The English phrase key of a glossary rendering, as candidates are keyed.
pub fn phrase_key(text: &str) -> String {
    use unicode_segmentation::UnicodeSegmentation;
    text.unicode_words()
        .map(english_word_key)
        .collect::<Vec<_>>()
        .join(" ")
}

/// `known` says the glossary approves the rendering as written: the word links may
/// have refitted a known pair's rendering, or a name been spelt in full, since pairing
/// set it. Only ever cleared, for what the glossary does not list (by phrase key).
fn still_approved(terms: &mut [TermPair], resources: &Resources) {
    let mut approved: HashMap<String, Vec<String>> = HashMap::default();
    for (zh, r) in approved_renderings(resources) {
        approved.entry(zh).or_default().push(phrase_key(r));
    }
    for t in terms {
        let keys = approved.get(&normalize_key(&t.zh));
        let lists = |en: &str| keys.is_some_and(|keys| keys.contains(&phrase_key(en)));
        t.known &= lists(&t.en);
        for r in &mut t.renderings {
            r.known &= lists(&r.en);
        }
    }
}

/// The glossaries' approved renderings, each with its term's key.
fn approved_renderings(resources: &Resources) -> impl Iterator<Item = (String, &String)> {
    resources
        .glossary
        .iter()
        .filter(|e| e.status == "approved")
        .flat_map(|e| {
            let zh = normalize_key(&e.zh);
            e.en.iter().map(move |r| (zh.clone(), r))
        })
}

/// Word-level evidence, cached per word.
struct Evidence<'r> {
    resources: &'r Resources,
    params: &'r Params,
    /// Glossary: zh key -> approved renderings (phrase key, content stems, as written).
    glossary: HashMap<String, Vec<(String, Vec<String>, String)>>,
    /// Per English candidate: stems of its content words.
    en_stems: Vec<Vec<String>>,
    zh_cache: HashMap<String, Vec<Vec<String>>>,
    /// Paired terms: zh key -> content stems of the rendering.
    renderings: HashMap<String, Vec<String>>,
    /// The median termhood of the text's one-word Chinese candidates.
    median_word_termhood: f64,
}

impl<'r> Evidence<'r> {
    fn words(&self) -> &'r WordSegmenter {
        &self.resources.words
    }

    fn new(resources: &'r Resources, en: &CandidateSet, params: &'r Params) -> Self {
        let mut glossary: HashMap<String, Vec<(String, Vec<String>, String)>> = HashMap::default();
        for (zh, r) in approved_renderings(resources) {
            let rendering = (phrase_key(r), gloss_stems(r), r.clone());
            glossary.entry(zh).or_default().push(rendering);
        }
        // English candidate parts are already stems.
        let en_stems = en
            .list
            .iter()
            .map(|c| {
                c.parts
                    .iter()
                    .filter(|w| !is_english_stopword(w))
                    .map(|w| cardinal(w).to_string())
                    .collect()
            })
            .collect();
        Evidence {
            resources,
            params,
            glossary,
            en_stems,
            zh_cache: HashMap::default(),
            renderings: HashMap::default(),
            median_word_termhood: 0.0,
        }
    }

    /// The paired terms strictly inside `key`, with the characters they span.
    fn rendered_terms_in(&self, key: &str) -> Vec<(usize, usize, &[String])> {
        if self.renderings.is_empty() {
            return Vec::new();
        }
        candidates::inner_spans(key, 2, usize::MAX)
            .into_iter()
            .filter_map(|(start, end, w)| {
                self.renderings
                    .get(w)
                    .map(|stems| (start, end, stems.as_slice()))
            })
            .collect()
    }

    /// Does `key` hold a paired term?
    fn holds_rendered_term(&self, key: &str) -> bool {
        !self.rendered_terms_in(key).is_empty()
    }

    /// Is `key` a Chinese headword of the dictionary or the glossary, as a whole?
    fn is_entry(&mut self, key: &str) -> bool {
        key.chars().any(crate::script::is_han) && !self.zh_word_glosses(key).is_empty()
    }

    /// The content stems of every gloss the dictionary and glossary give `word`;
    /// Latin words and numbers stand for themselves.
    fn zh_word_glosses(&mut self, word: &str) -> &[Vec<String>] {
        if !self.zh_cache.contains_key(word) {
            let mut glosses: Vec<Vec<String>> = Vec::new();
            if word.chars().all(|c| c.is_ascii_alphanumeric()) {
                glosses.push(vec![english_stem(word)]);
            }
            if let Some(d) = &self.resources.dictionary {
                // CC-CEDICT separates near-synonyms of one sense with semicolons
                // ("disease; sickness; ailment"): each is a rendering of its own.
                glosses.extend(
                    d.glosses(word)
                        .into_iter()
                        .flat_map(|g| g.split("; "))
                        .map(gloss_stems),
                );
            }
            if let Some(rs) = self.glossary.get(word) {
                glosses.extend(rs.iter().map(|(_, s, _)| s.clone()));
            }
            glosses.retain(|g| !g.is_empty());
            let acronyms: Vec<Vec<String>> = glosses
                .iter()
                .flat_map(|g| acronym_forms(g, self.params))
                .collect();
            glosses.extend(acronyms);
            glosses.sort();
            glosses.dedup();
            self.zh_cache.insert(word.to_string(), glosses);
        }
        &self.zh_cache[word]
    }
}

/// A gloss with a run of words written as their initials: English abbreviates a
/// name of 3+ words so ("Communist Party of China" -> CPC, "Central Committee of the
/// Communist Party of China" -> "CPC Central Committee"), and dictionaries seldom give
/// the abbreviation. Stop words were dropped from the stems already, as from acronyms.
fn acronym_forms(gloss: &[String], params: &Params) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    if gloss.len() < params.acronym_min_words
        || gloss.len() > params.acronym_max_words
        || !gloss
            .iter()
            .all(|w| w.starts_with(|c: char| c.is_ascii_alphabetic()))
    {
        return out;
    }
    for i in 0..gloss.len() {
        for j in i + params.acronym_min_words..=gloss.len() {
            let initials: String = gloss[i..j]
                .iter()
                .filter_map(|w| w.chars().next())
                .collect();
            // The abbreviation stands for each word it abbreviates: a form renders as
            // much of the term as the gloss, and no more where it is not used.
            let mut form = gloss.to_vec();
            form[i..j].fill(initials);
            out.push(form);
        }
    }
    out
}

/// "18th" -> "18": dictionaries gloss 十八 as a cardinal.
fn cardinal(stem: &str) -> &str {
    ["th", "st", "nd", "rd"]
        .iter()
        .find_map(|suffix| stem.strip_suffix(suffix))
        .filter(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
        .unwrap_or(stem)
}

/// Stems of one language-side word set, indexed for fuzzy look-up by their first four
/// characters: a stem matches another of its bucket by [`stems_match`] (china ~
/// chines, work ~ worker), which Porter stems keep apart.
#[derive(Default)]
struct StemIndex {
    by_prefix: HashMap<String, Vec<String>>,
}

impl StemIndex {
    fn new<'a>(stems: impl IntoIterator<Item = &'a String>) -> Self {
        let mut by_prefix: HashMap<String, Vec<String>> = HashMap::default();
        for s in stems {
            let bucket = by_prefix.entry(prefix4(s).to_string()).or_default();
            if !bucket.contains(s) {
                bucket.push(s.clone());
            }
        }
        StemIndex { by_prefix }
    }

    fn matches(&self, stem: &str) -> bool {
        self.by_prefix
            .get(prefix4(stem))
            .is_some_and(|b| b.iter().any(|s| stems_match(s, stem)))
    }
}

/// The first four characters, borrowed: look-ups run for every word pair.
fn prefix4(s: &str) -> &str {
    let end = s.char_indices().nth(4).map_or(s.len(), |(i, _)| i);
    &s[..end]
}

/// A word inside a Chinese term: the characters it spans and its glosses' stems.
struct Piece {
    start: usize,
    end: usize,
    index: StemIndex,
    glosses: Vec<Vec<String>>,
}

impl Piece {
    fn new(start: usize, end: usize, glosses: Vec<Vec<String>>) -> Self {
        Piece {
            start,
            end,
            index: StemIndex::new(glosses.iter().flatten()),
            glosses,
        }
    }

    /// How much of its best gloss e renders: "class" renders half of 工人阶级's
    /// "working class".
    fn rendered(&self, e_stems: &[String]) -> f64 {
        if !e_stems.iter().any(|s| self.index.matches(s)) {
            return 0.0;
        }
        self.glosses
            .iter()
            .map(|g| {
                let hit = g
                    .iter()
                    .filter(|s| e_stems.iter().any(|e| stems_match(s, e)))
                    .count();
                hit as f64 / g.len() as f64
            })
            .fold(0.0, f64::max)
    }
}

/// What z's words may be rendered as: each jieba token and each dictionary word
/// inside it (cut for search), with the characters it spans.
struct ZhSense {
    pieces: Vec<Piece>,
    /// Per character of the term: does it need rendering (not a function word)?
    content: Vec<bool>,
    all: StemIndex,
    /// The glossary's approved renderings of the term: phrase key and text.
    known: Vec<(String, String)>,
    /// Tokens of the term that need rendering.
    content_tokens: usize,
}

impl ZhSense {
    fn new(z: &Candidate, ev: &mut Evidence) -> Self {
        let mut pieces = Vec::new();
        let mut content = Vec::new();
        let mut all_stems: Vec<String> = Vec::new();
        let mut offset = 0;
        let mut content_tokens = 0;
        for part in &z.parts {
            let len = part.chars().count();
            let needed = !is_zh_function_word(part) && part.chars().any(char::is_alphanumeric);
            content.extend(std::iter::repeat_n(needed, len));
            if needed {
                content_tokens += 1;
                let mut words: Vec<(usize, &str)> = vec![(0, part.as_str())];
                for t in ev.words().jieba().cut_for_search(part, false) {
                    if t.word != part && t.word.chars().count() >= 2 {
                        words.push((part[..t.byte_start].chars().count(), t.word));
                    }
                }
                // Search cuts stop at three characters: a longer dictionary word inside
                // a token speaks for itself too (统一战线 "united front" in 爱国统一战线).
                for (start, w) in inner_entries(part, ev) {
                    if !words.contains(&(start, w)) {
                        words.push((start, w));
                    }
                }
                let mut glossed = vec![false; len];
                for (start, w) in words {
                    let glosses = ev.zh_word_glosses(w).to_vec();
                    all_stems.extend(glosses.iter().flatten().cloned());
                    let end = start + w.chars().count();
                    if !glosses.is_empty() {
                        glossed[start..end].iter_mut().for_each(|g| *g = true);
                    }
                    pieces.push(Piece::new(offset + start, offset + end, glosses));
                }
                // A character no word of the token explains speaks for itself (党 in
                // 党的领导 "Party's leadership"); 的 and the like need no rendering.
                if len > 1 {
                    for (i, ch) in part.chars().enumerate() {
                        let ch = ch.to_string();
                        if glossed[i] || is_zh_function_word(&ch) {
                            continue;
                        }
                        let glosses = ev.zh_word_glosses(&ch).to_vec();
                        all_stems.extend(glosses.iter().flatten().cloned());
                        pieces.push(Piece::new(offset + i, offset + i + 1, glosses));
                    }
                }
            }
            offset += len;
        }
        for (start, end, stems) in ev.rendered_terms_in(&z.key) {
            all_stems.extend(stems.iter().cloned());
            pieces.push(Piece::new(start, end, vec![stems.to_vec()]));
        }
        if z.parts.len() > 1 {
            let glosses = ev.zh_word_glosses(&z.key).to_vec();
            all_stems.extend(glosses.iter().flatten().cloned());
            pieces.push(Piece::new(0, offset, glosses));
        }
        let known = ev
            .glossary
            .get(&z.key)
            .map(|rs| {
                rs.iter()
                    .map(|(k, _, text)| (k.clone(), text.clone()))
                    .collect()
            })
            .unwrap_or_default();
        ZhSense {
            pieces,
            content,
            all: StemIndex::new(&all_stems),
            known,
            content_tokens,
        }
    }

    /// The glossary's wording of the approved rendering whose phrase key is `key`.
    fn approved(&self, key: &str) -> Option<&str> {
        self.known
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, text)| text.as_str())
    }

    /// Do z's glosses name enough of e's content words for `word_for_word` lexical
    /// evidence ([`Params::word_for_word_lexical`])? A cheap test before
    /// [`ZhSense::lexical`].
    fn names_nearly_all(&self, e_stems: &[String], word_for_word: f64) -> bool {
        let named = self.named(e_stems);
        !e_stems.is_empty() && named as f64 >= (2.0 * word_for_word - 1.0) * e_stems.len() as f64
    }

    /// How many of e's content words z's glosses name.
    fn named(&self, e_stems: &[String]) -> usize {
        e_stems.iter().filter(|s| self.all.matches(s)).count()
    }

    /// 0..1: the share of e's content words that z's glosses name, averaged with the
    /// share of z's characters whose words e renders.
    fn lexical(&self, e_stems: &[String]) -> f64 {
        let (cover_e, rendered) = self.explained(e_stems);
        (cover_e + rendered) / 2.0
    }

    /// The two halves of [`ZhSense::lexical`]: the share of e's content words z's
    /// glosses name, and the share of z's characters e renders.
    fn explained(&self, e_stems: &[String]) -> (f64, f64) {
        if e_stems.is_empty() {
            return (0.0, 0.0);
        }
        let named = self.named(e_stems);
        if named == 0 {
            return (0.0, 0.0);
        }
        let cover_e = named as f64 / e_stems.len() as f64;
        let covered = self.covered(e_stems);
        let needed = self.content.iter().filter(|&&c| c).count().max(1);
        let rendered: f64 = covered
            .iter()
            .zip(&self.content)
            .filter(|&(_, &n)| n)
            .map(|(c, _)| c)
            .sum::<f64>()
            / needed as f64;
        (cover_e, rendered)
    }

    /// Per character of the term: how much of it e renders (0..1).
    fn covered(&self, e_stems: &[String]) -> Vec<f64> {
        let mut covered = vec![0.0f64; self.content.len()];
        for piece in &self.pieces {
            let share = piece.rendered(e_stems);
            if share > 0.0 {
                for c in covered.iter_mut().take(piece.end).skip(piece.start) {
                    *c = c.max(share);
                }
            }
        }
        covered
    }

    /// Does e leave a content character of the term wholly unrendered?
    fn leaves_out(&self, e_stems: &[String]) -> bool {
        self.covered(e_stems)
            .iter()
            .zip(&self.content)
            .any(|(&c, &needed)| needed && c == 0.0)
    }
}

/// An English candidate with an article right after a content word holds a verb or
/// preposition with its object ("practice the core socialist values", "closely around
/// the CPC Central Committee"), not a noun phrase ("path of the people" has a stop
/// word there): the object alone is the better rendering.
fn verb_phrase(c: &Candidate) -> bool {
    verb_phrase_words(&c.parts)
}

/// [`verb_phrase`] on lower-case words.
fn verb_phrase_words<S: AsRef<str>>(words: &[S]) -> bool {
    words
        .windows(2)
        .any(|w| matches!(w[1].as_ref(), "the" | "a" | "an") && !is_english_stopword(w[0].as_ref()))
}

/// A word that nearly always stands before another content word is a modifier
/// ("young" of "young people", "Chinese" of "Chinese characteristics"): a noun term is
/// better rendered by the noun it was seen as on its own (youth, China), and a phrase
/// that ends in one is cut short ("developing socialism with Chinese").
fn ends_in_modifier(c: &Candidate, en: &CandidateSet, params: &Params) -> bool {
    let modifies = |w: &Candidate| {
        w.freq >= params.modifier_min_freq
            && w.premodifier as f64 >= params.modifier_min_share * w.freq as f64
    };
    // The phrase itself may be the modifier ("14th Five-Year" of "... Plan").
    modifies(c) || c.parts.last().and_then(|w| en.get(w)).is_some_and(modifies)
}
/// A looser [`ends_in_modifier`] for a rendering seen once, which has no rivals to
/// lose to: its last word stands before a noun at least half the times it is seen
/// ("economic" of "basic economic", cut from "basic economic system").
fn modifier_last(c: &Candidate, en: &CandidateSet, params: &Params) -> bool {
    c.parts
        .last()
        .and_then(|w| en.get(w))
        .is_some_and(|w| w.freq >= params.modifier_min_freq && 2 * w.premodifier >= w.freq)
}

/// The best rendering of `z` co-occurring at least `min_freq` times, or `None` when the
/// translation shows none (or word-level evidence below `lexical`, when given).
fn pair_one<'c>(
    z: &'c Candidate,
    en: &CandidateSet,
    ev: &mut Evidence,
    pairs: &[AlignedPair],
    min_freq: usize,
    lexical: Option<f64>,
) -> Option<Found<'c>> {
    let mut cooc: HashMap<usize, usize> = HashMap::default();
    for &b in &z.beads {
        for &e in &en.per_bead[b] {
            *cooc.entry(e).or_default() += 1;
        }
    }
    let params = ev.params;
    let sense = ZhSense::new(z, ev);
    let zb = z.beads.len() as f64;
    // A name the translation spells in full somewhere may be called by part of it
    // elsewhere ('Wang' for 汪明, as 'Wang Ming' once): the part renders it as well.
    let spelt_in_full = std::cell::OnceCell::new();
    let spelt_in_full = || {
        *spelt_in_full.get_or_init(|| {
            z.beads
                .iter()
                .any(|&b| spelt_in(&z.key, &pairs[b].en, ev.resources))
        })
    };
    let score = |e: usize, c: usize| -> Scored {
        let cand = &en.list[e];
        let dice = 2.0 * c as f64 / (zb + cand.beads.len() as f64);
        let known = sense.approved(&cand.key).is_some();
        // A name written in the pinyin of its characters ('Li Minghua' for 李明华,
        // 'Cui-fen' for 翠芬) renders all of it, as a dictionary gloss would.
        let spelt = spells_name(&z.key, &cand.display, ev.resources)
            || (spells_part_of_name(&z.key, &cand.display, ev.resources) && spelt_in_full());
        let lexical = if spelt {
            1.0
        } else {
            sense.lexical(&ev.en_stems[e])
        };
        // Share of e's occurrences outside longer candidates: "reform and opening"
        // loses to "reform and opening up", which always follows it.
        let unithood = (cand.cvalue / ((1.0 + cand.parts.len() as f64).log2() * cand.freq as f64))
            .clamp(0.0, 1.0);
        // Word-level evidence weighs most, but a phrase that comes with the term
        // again and again renders it even where no gloss says so (十八大 "18th
        // National Congress", 血肉联系 "close ties"): recurring co-occurrence counts too.
        let recurrence =
            params.recurrence_weight * ((c as f64 - 1.0) / params.recurrence_full_after).min(1.0);
        let s = dice
            * ((0.2 + lexical).powi(2) + recurrence)
            * (0.75 + 0.25 * unithood)
            // A name stands before its verb ('Wang looked'), not as a modifier.
            * if !spelt && (verb_phrase(cand) || ends_in_modifier(cand, en, params)) {
                params.not_a_noun_weight
            } else {
                1.0
            }
            + if known { 1.0 } else { 0.0 };
        Scored {
            score: s,
            dice,
            known,
            lexical,
            spelt,
        }
    };
    let need = min_freq.max(1).min(z.beads.len());
    // A rendering seen once is enough when its words say the term word for word: a
    // translator who varies the wording (与时俱进 "keep abreast of the times",
    // "progress with the times") leaves no rendering co-occurring twice.
    let (mut best, mut scored) = cooc
        .iter()
        .filter(|&(&e, &c)| {
            c >= need || sense.names_nearly_all(&ev.en_stems[e], params.word_for_word_lexical)
        })
        .map(|(&e, &c)| (e, c, score(e, c)))
        .filter(|&(_, c, s)| c >= need || s.lexical >= params.word_for_word_lexical)
        .map(|(e, _, s)| (e, s))
        .max_by(|a, b| {
            // Of equal scores the shortest: the longer ones add words no evidence asks
            // for ("People's Liberation Army and the People's").
            a.1.score
                .total_cmp(&b.1.score)
                .then_with(|| en.list[b.0].parts.len().cmp(&en.list[a.0].parts.len()))
                .then_with(|| en.list[b.0].key.cmp(&en.list[a.0].key))
        })?;
    // Weak association and no word-level evidence: the translation shows no rendering.
    if scored.dice < 0.15 && scored.score < 0.2 {
        return None;
    }
    if let Some(floor) = lexical
        && !scored.known
        && scored.lexical < floor
    {
        return None;
    }
    if !scored.known
        && let Some(shorter) = shorter_rendering(best, &cooc, en, &sense, ev)
    {
        best = shorter;
        scored = score(shorter, cooc[&shorter]);
    }
    if !scored.known
        && let Some(longer) = longer_rendering(best, &cooc, en, &sense, ev, need)
    {
        best = longer;
        scored = score(longer, cooc[&longer]);
    }
    let (conf, dice, known) = (scored.score, scored.dice, scored.known);
    let best_cand = &en.list[best];
    let mut examples = Vec::new();
    let mut others: HashMap<usize, Vec<usize>> = HashMap::default();
    for &b in &z.beads {
        if best_cand.beads.binary_search(&b).is_ok() {
            if examples.len() < params.examples {
                examples.push(pairs[b].id);
            }
            continue;
        }
        // Here word-level evidence comes first: one bead says little about association.
        let alt = en.per_bead[b]
            .iter()
            .map(|&e| {
                let known = sense.approved(&en.list[e].key).is_some();
                let lex = if known {
                    1.0
                } else {
                    sense.lexical(&ev.en_stems[e])
                };
                (e, lex, score(e, cooc[&e]).score)
            })
            .filter(|&(_, lex, _)| lex > 0.0)
            .max_by(|a, b| {
                a.1.total_cmp(&b.1)
                    .then_with(|| a.2.total_cmp(&b.2))
                    .then_with(|| b.0.cmp(&a.0))
            });
        if let Some((e, _, _)) = alt {
            others.entry(e).or_default().push(pairs[b].id);
        }
    }
    let mut renderings: Vec<Rendering> = others
        .into_iter()
        .map(|(e, beads)| {
            // An approved rendering is cited as the glossary writes it, as the best is.
            let approved = sense.approved(&en.list[e].key);
            Rendering {
                en: approved.map_or_else(|| en.list[e].display_in(&z.beads), str::to_string),
                count: beads.len(),
                beads,
                known: approved.is_some(),
            }
        })
        .collect();
    renderings.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.en.cmp(&b.en)));
    // A term C-value finds only inside longer ones gets the weight of half an
    // occurrence of its own, so that it ranks below what recurs on its own.
    let cvalue = z.cvalue.max(0.5 * (1.0 + z.parts.len() as f64).log2());
    // Two or three beads are thin evidence that a phrase is a term at all: they rank
    // below what recurs (the share of beads beyond the first).
    let recurs = (1.0 - 1.0 / z.beads.len() as f64).max(params.single_bead_weight);
    // A glossary's rendering is cited as the glossary writes it: its phrase key, a stem
    // key, also takes in other words of one stem ('developed' for 'developing').
    let shown = best_cand.display_in(&z.beads);
    let en_display = match sense.approved(&best_cand.key) {
        Some(text) => text.to_string(),
        None => shown,
    };
    // Keyness against general language: the everyday words of the text's prose (发展,
    // 社会) weigh little, full weight from e^9 times the general rate (a divisor of 4
    // let them lead; 8 and 12 judged alike: README). A rendering the translation
    // writes as a name inside its sentences ('People's Republic of China', 'CPC')
    // names one thing however common its Chinese: jieba's reference text is news,
    // where 中国共产党 is everyday.
    let name = best_cand.name_share_in(
        &z.beads,
        |b| pairs[b].en.as_str(),
        |b| title_cased(&pairs[b].en),
    ) >= params.name_min_share;
    let keyness = if name {
        1.0
    } else {
        ((z.termhood - 1.0) / 8.0).clamp(0.05, 1.0)
    };
    let weight = (1.0 + cvalue).ln()
        * keyness
        * recurs
        // A glossary entry is a term by the user's word, however everyday its words.
        // A name spelt in pinyin is no everyday word, whatever entries its syllable
        // glosses ('surname Wang').
        * if known || scored.spelt {
            1.0
        } else {
            everyday_rendering_weight(&en_display, ev.resources, params)
        };
    let pair = TermPair {
        zh: z.display.clone(),
        en: en_display,
        score: round3(conf * weight),
        log_dice: round3(14.0 + dice.log2()),
        frequency: z.freq,
        cooccurrence: cooc[&best],
        renderings,
        known,
        examples,
    };
    let (named, rendered) = sense.explained(&ev.en_stems[best]);
    Some(Found {
        z,
        pair,
        en: best,
        stems: ev.en_stems[best].clone(),
        unrendered: (1.0 - rendered) * sense.content.iter().filter(|&&c| c).count() as f64,
        rendered,
        named,
        name,
    })
}

/// Does the English, written as a name (each word capitalised), spell the Chinese by
/// the pinyin of its characters?
fn spells_name(zh: &str, en: &str, resources: &Resources) -> bool {
    let Some(dict) = resources.dictionary.as_ref() else {
        return false;
    };
    // The cheap tests first: this runs for every English candidate of every term.
    let capitalised = |w: &str| w.starts_with(|c: char| c.is_ascii_uppercase());
    if !en.split_whitespace().all(capitalised) || !zh.chars().all(crate::script::is_han) {
        return false;
    }
    let words: Vec<&str> = en.split_whitespace().collect();
    !words.is_empty() && crate::lexicon::name_matches_reading(zh, &words, dict)
}

/// Is the Chinese spelt in pinyin by capitalised words of the English text?
fn spelt_in(zh: &str, en: &str, resources: &Resources) -> bool {
    let words: Vec<&str> = en
        .split(|c: char| c.is_whitespace() || (c.is_ascii_punctuation() && c != '-' && c != '\''))
        .filter(|w| !w.is_empty())
        .collect();
    let most = zh.chars().count();
    (0..words.len()).any(|i| {
        (1..=most.min(words.len() - i))
            .any(|n| spells_name(zh, &words[i..i + n].join(" "), resources))
    })
}

/// Does the English spell the Chinese name's surname or given name: the name cut after
/// its first character (or its second, in a name of four: 欧阳明远), and one side
/// spelt?
fn spells_part_of_name(zh: &str, en: &str, resources: &Resources) -> bool {
    let chars = zh.chars().count();
    // The cheap tests first: this runs for every English candidate of every term.
    if !(2..=4).contains(&chars) || en.split_whitespace().nth(2).is_some() {
        return false;
    }
    zh.char_indices()
        .skip(1)
        .take(if chars == 4 { 2 } else { 1 })
        .any(|(at, _)| {
            spells_name(&zh[..at], en, resources) || spells_name(&zh[at..], en, resources)
        })
}

/// Is the English a title-cased heading (every content word capitalised, two or more)?
/// Its capitals say nothing of names.
pub(super) fn title_cased(en: &str) -> bool {
    en.split_whitespace()
        .filter(|w| !is_english_stopword(&w.to_lowercase()))
        .nth(1)
        .is_some()
        && candidates::written_as_name(en)
}

/// Ranking weight of a rendering by how everyday its one content word is: a pair of
/// everyday words (道路 'path', 制度自信 'confidence') belongs in a dictionary, not
/// ahead of the text's terms. Renderings of two or more content words weigh 1.
fn everyday_rendering_weight(en: &str, resources: &Resources, params: &Params) -> f64 {
    let Some(dict) = resources.dictionary.as_ref() else {
        return 1.0;
    };
    let mut content = en
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| {
            !w.is_empty() && !is_english_stopword(w) && !candidates::EN_PARTICLES.contains(w)
        });
    let (Some(word), None) = (content.next(), content.next()) else {
        return 1.0;
    };
    let word = word.to_lowercase();
    let entries = singular_forms(&word)
        .map(|w| dict.english_entries(w))
        .max()
        .unwrap_or(0) as f64;
    (params.everyday_min_entries / entries).min(1.0)
}

/// How one English candidate fares as the rendering of a term.
#[derive(Clone, Copy)]
struct Scored {
    score: f64,
    dice: f64,
    known: bool,
    lexical: f64,
    /// The rendering spells the term (or part of a name) in pinyin.
    spelt: bool,
}

/// The longest English candidate that contains `best`, co-occurs with the term about
/// as often (`min_freq` times when `best` renders less than half of the term and word
/// evidence shows on one side: `best` renders part of it, or the longer phrase's
/// words do; with none on either, association alone cannot tell a partial rendering
/// from a phrase that merely comes with the term now and then), and
/// whose extra content words the term's glosses explain and render more of the term:
/// "great cause" grows to "great cause of socialism with Chinese characteristics" for
/// 中国特色社会主义伟大事业. Or one that nearly only comes with the term
/// ([`comes_with_term`]).
fn longer_rendering(
    best: usize,
    cooc: &HashMap<usize, usize>,
    en: &CandidateSet,
    sense: &ZhSense,
    ev: &Evidence,
    min_freq: usize,
) -> Option<usize> {
    let short = &en.list[best];
    let (named, rendered) = sense.explained(&ev.en_stems[best]);
    // A rendering that leaves most of the term unrendered yields to a longer phrase
    // that renders it and recurs, though the translator varied it elsewhere ("new
    // victories" grows to "new victories for Chinese socialism" for
    // 中国特色社会主义新胜利).
    let params = ev.params;
    let poor = rendered < params.poor_rendering_below && sense.content_tokens > 1;
    let need = |e: usize| {
        if poor && (rendered > 0.0 || sense.explained(&ev.en_stems[e]).1 > 0.0) {
            min_freq as f64
        } else {
            params.longer_min_share * cooc[&best] as f64
        }
    };
    let leaves_out = sense.leaves_out(&ev.en_stems[best]);
    let named_words = sense.named(&ev.en_stems[best]);
    cooc.iter()
        .filter(|&(&e, &c)| {
            let long = &en.list[e];
            e != best
                && c as f64 >= need(e)
                && long.parts.len() > short.parts.len()
                && long
                    .parts
                    .windows(short.parts.len())
                    .any(|w| w == short.parts.as_slice())
                && (c as f64 >= params.longer_min_share * cooc[&best] as f64
                    || !ends_in_modifier(long, en, params))
                && (rendered < params.grows_below_rendered
                    && comes_with_term(c, long, params)
                    && (leaves_out || no_stop_word_around(long, short))
                    || {
                        // The extra words must render more of the term, not just repeat
                        // what the shorter rendering says.
                        let (n, r) = sense.explained(&ev.en_stems[e]);
                        ev.en_stems[e]
                            .iter()
                            .all(|s| ev.en_stems[best].contains(s) || sense.all.matches(s))
                            && n >= named
                            && (r > rendered
                            // or a word the glosses name, bound to the rendering and
                            // not across a stop word: "keep abreast of the times" for
                            // 与时俱进 "keep pace with the times".
                            || r >= rendered
                                && sense.named(&ev.en_stems[e]) > named_words
                                && !loose_words_around(long, short))
                    })
        })
        .max_by(|a, b| {
            let (la, lb) = (en.list[*a.0].parts.len(), en.list[*b.0].parts.len());
            la.cmp(&lb)
                .then_with(|| a.1.cmp(b.1))
                .then_with(|| en.list[*b.0].key.cmp(&en.list[*a.0].key))
        })
        .map(|(&e, _)| e)
}

/// The shortest English candidate inside `best` that co-occurs with the term as often,
/// renders nearly all of it and whose words the term's glosses explain at least as
/// well: the words `best` has
/// beyond it say nothing of the term ("China's leading class" for 领导阶级, "People's
/// Liberation Army and the People's" for 人民解放军), however often they come with it.
fn shorter_rendering(
    best: usize,
    cooc: &HashMap<usize, usize>,
    en: &CandidateSet,
    sense: &ZhSense,
    ev: &Evidence,
) -> Option<usize> {
    let long = &en.list[best];
    let (named, rendered) = sense.explained(&ev.en_stems[best]);
    cooc.iter()
        .filter(|&(&e, &c)| {
            let short = &en.list[e];
            e != best
                && c >= cooc[&best]
                && short.parts.len() < long.parts.len()
                && loose_words_around(long, short)
                // Only content words go ("reform and opening up" keeps its particle).
                && ev.en_stems[e].len() < ev.en_stems[best].len()
                && {
                    let (n, r) = sense.explained(&ev.en_stems[e]);
                    named < 1.0 && r >= ev.params.shrinks_to_rendered.max(rendered) && n >= named
                }
        })
        .min_by(|a, b| {
            let (la, lb) = (en.list[*a.0].parts.len(), en.list[*b.0].parts.len());
            la.cmp(&lb)
                .then_with(|| en.list[*a.0].key.cmp(&en.list[*b.0].key))
        })
        .map(|(&e, _)| e)
}

/// Is `short` inside `long` with what `long` has beyond it loosely attached: across a
/// stop word ("around the CPC Central Committee", "Army and the People's Armed Police
/// Force") or as a possessor ("China's leading class")? Words bound closer are often
/// an idiomatic part of the rendering ("driving force" for 动力 "force").
fn loose_words_around(long: &Candidate, short: &Candidate) -> bool {
    use unicode_segmentation::UnicodeSegmentation;
    let n = short.parts.len();
    let words: Vec<&str> = long.display.unicode_words().collect();
    (0..=long.parts.len().saturating_sub(n)).any(|i| {
        if long.parts[i..i + n] != short.parts[..] {
            return false;
        }
        let before = i == 0
            || is_english_stopword(&long.parts[i - 1])
            || words.len() == long.parts.len()
                && (words[i - 1].ends_with("’s") || words[i - 1].ends_with("'s"));
        let after = i + n == long.parts.len() || is_english_stopword(&long.parts[i + n]);
        before && after
    })
}

/// Is `short` inside `long` with no stop word among the words around it? A phrase
/// that comes with a term grows the rendering only so ("18th National Congress"):
/// across a stop word it is more often what a word beside the term says ("in all
/// respects" of 全面 beside 小康社会).
fn no_stop_word_around(long: &Candidate, short: &Candidate) -> bool {
    let n = short.parts.len();
    (0..=long.parts.len().saturating_sub(n)).any(|i| {
        long.parts[i..i + n] == short.parts[..]
            && !long.parts[..i]
                .iter()
                .chain(&long.parts[i + n..])
                .any(|w| is_english_stopword(w))
    })
}

/// A longer phrase that recurs and nearly only where the term is renders it as a
/// whole even where no gloss explains its extra words: 十八大 "18th" grows to "18th
/// National Congress".
fn comes_with_term(cooc: usize, long: &Candidate, params: &Params) -> bool {
    cooc >= params.comes_with_term_min_cooc
        && cooc as f64 >= params.comes_with_term_min_share * long.beads.len() as f64
}

pub(super) fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Resources;

    /// The embedded dictionary and no glossary: what most pairing tests run with.
    fn embedded_dictionary() -> Resources {
        Resources {
            dictionary: Some(crate::lexicon::Dictionary::Embedded),
            glossary: Vec::new(),
            words: crate::lexicon::segmenter(true),
        }
    }

    fn english<S: AsRef<str>>(beads: &[S], min_freq: usize) -> CandidateSet {
        candidates::english(beads, min_freq, &Params::default())
    }

    fn chinese<S: AsRef<str>>(beads: &[S], min_freq: usize) -> CandidateSet {
        candidates::chinese(
            beads,
            min_freq,
            &crate::lexicon::segmenter(true),
            &Params::default(),
        )
    }

    fn sample_pairs() -> Vec<AlignedPair> {
        let dir = format!("{}/corpora/digital-governance", env!("CARGO_MANIFEST_DIR"));
        let zh: Vec<String> = std::fs::read_to_string(format!("{dir}/zh.sentences"))
            .unwrap()
            .lines()
            .map(str::to_string)
            .collect();
        let en: Vec<String> = std::fs::read_to_string(format!("{dir}/en.sentences"))
            .unwrap()
            .lines()
            .map(str::to_string)
            .collect();
        let gold = std::fs::read_to_string(format!("{dir}/gold.align")).unwrap();
        let ids = |s: &str| -> Vec<usize> {
            s.trim()
                .trim_matches(['[', ']'])
                .split(',')
                .filter_map(|x| x.trim().parse().ok())
                .collect()
        };
        gold.lines()
            .filter_map(|l| l.split_once(':'))
            .enumerate()
            .map(|(i, (a, b))| {
                let z: String = ids(a).iter().map(|&k| zh[k].as_str()).collect();
                let e: Vec<&str> = ids(b).iter().map(|&k| en[k].as_str()).collect();
                AlignedPair::new(i, &z, &e.join(" "))
            })
            .collect()
    }

    #[test]
    fn sample_terms_pair_with_their_renderings() {
        let pairs = sample_pairs();
        let res = Resources::default_embedded().unwrap();
        let terms = extract(&pairs, &res, &GlossaryOptions::default());
        let find = |zh: &str| terms.iter().find(|t| t.zh == zh);
        let gov = find("数字治理").expect("数字治理 paired");
        assert_eq!(gov.en.to_lowercase(), "digital governance");
        assert!(gov.known);
        assert!(gov.frequency >= 5);
        assert!(!gov.examples.is_empty());
        let econ = find("数字经济").expect("数字经济 paired");
        assert_eq!(econ.en.to_lowercase(), "digital economy");
        // Sorted by score.
        assert!(terms.windows(2).all(|w| w[0].score >= w[1].score));
    }

    #[test]
    fn dictionary_evidence_without_glossary() {
        let res = embedded_dictionary();
        let pairs: Vec<AlignedPair> = [
            ("保护个人隐私。", "Protect personal privacy."),
            ("个人隐私很重要。", "Personal privacy is important."),
            ("尊重个人隐私和数据。", "Respect personal privacy and data."),
        ]
        .iter()
        .enumerate()
        .map(|(i, (z, e))| AlignedPair::new(i, z, e))
        .collect();
        let terms = extract(&pairs, &res, &GlossaryOptions::default());
        let t = terms.iter().find(|t| t.zh == "个人隐私").expect("paired");
        assert_eq!(t.en.to_lowercase(), "personal privacy");
        assert!(!t.known);
        assert_eq!(t.cooccurrence, 3);
    }

    #[test]
    fn a_term_and_a_verb_rendered_in_the_past_is_a_clause() {
        let res = embedded_dictionary();
        let pairs = aligned(&[
            ("王老师来了。", "Teacher Wang came."),
            ("王老师点头。", "Teacher Wang nodded."),
            ("王老师点头。", "Teacher Wang nodded."),
            ("王老师点头，走了。", "Teacher Wang nodded and left."),
            ("大家看着王老师。", "Everyone looked at Teacher Wang."),
        ]);
        let terms = extract(&pairs, &res, &GlossaryOptions::default());
        term(&terms, "王老师");
        assert_no_term(&terms, "王老师点头");
    }

    #[test]
    fn a_verb_and_its_object_rendered_as_a_verb_and_its_object_is_no_term() {
        let res = embedded_dictionary();
        let pairs = aligned(&[
            ("保护湿地生态。", "Protect the wetland ecology."),
            (
                "我们要保护湿地生态。",
                "We must protect the wetland ecology.",
            ),
            (
                "保护湿地生态很重要。",
                "To protect the wetland ecology matters.",
            ),
            ("湿地生态很脆弱。", "Wetland ecology is fragile."),
        ]);
        let terms = extract(&pairs, &res, &GlossaryOptions::default());
        assert!(
            terms
                .iter()
                .all(|t| !t.en.to_lowercase().starts_with("protect the")),
            "{terms:?}"
        );
    }

    #[test]
    fn a_term_only_ever_inside_a_longer_one_with_its_rendering_is_a_fragment() {
        // jieba cuts 问外高祖父 as 问外/高祖父: 高祖父 has more occurrences as a
        // candidate than 外高祖父, though the text never has it alone.
        let res = embedded_dictionary();
        let pairs = aligned(&[
            ("外高祖父来了。", "Her great-great-grandfather came."),
            (
                "外高祖父在院子里种树。",
                "Her great-great-grandfather planted trees in the yard.",
            ),
            ("她问外高祖父。", "She asked her great-great-grandfather."),
            ("外高祖父笑了。", "Her great-great-grandfather laughed."),
        ]);
        let terms = extract(&pairs, &res, &GlossaryOptions::default());
        term(&terms, "外高祖父");
        assert_no_term(&terms, "高祖父");
    }

    #[test]
    fn a_rendering_the_shorter_term_only_meets_inside_the_longer_one_is_the_longer_ones() {
        // 疾病 comes with "autoinflammatory disease" only inside 自身炎症性疾病; no gloss says
        // 自身 is "auto-", so only the occurrences tell whose rendering it is.
        let res = embedded_dictionary();
        let pairs = aligned(&[
            (
                "自身炎症性疾病很常见。",
                "Autoinflammatory disease is common.",
            ),
            (
                "医生研究自身炎症性疾病。",
                "Doctors study autoinflammatory disease.",
            ),
            (
                "自身炎症性疾病需要治疗。",
                "Autoinflammatory disease needs treatment.",
            ),
            (
                "自身炎症性疾病有很多种。",
                "There are many kinds of autoinflammatory disease.",
            ),
            (
                "她患有自身炎症性疾病。",
                "She has an autoinflammatory disease.",
            ),
            ("这种疾病会传染。", "This illness is contagious."),
        ]);
        let terms = extract(&pairs, &res, &GlossaryOptions::default());
        assert_eq!(
            term(&terms, "自身炎症性疾病").en,
            "autoinflammatory disease"
        );
        assert!(
            terms
                .iter()
                .all(|t| t.zh != "疾病" || !t.en.to_lowercase().contains("autoinflammatory")),
            "{terms:?}"
        );
    }

    #[test]
    fn a_dictionary_gloss_with_semicolons_gives_each_synonym_whole() {
        // CC-CEDICT writes 疾病 as "disease; sickness; ailment": "disease" says it all.
        let res = embedded_dictionary();
        let params = Params::default();
        let mut ev = Evidence::new(&res, &CandidateSet::default(), &params);
        let glosses = ev.zh_word_glosses("疾病").to_vec();
        assert!(
            glosses.contains(&vec![english_stem("disease")]),
            "{glosses:?}"
        );
    }

    #[test]
    fn other_renderings_are_kept_with_beads() {
        let res = Resources::default_embedded().unwrap();
        let pairs: Vec<AlignedPair> = [
            ("推动数据流动。", "Promote data flows."),
            ("数据流动加快。", "Data flows speed up."),
            ("规范数据流动。", "Regulate data flows."),
            ("数据流动需要规则。", "The flow of data needs rules."),
        ]
        .iter()
        .enumerate()
        .map(|(i, (z, e))| AlignedPair::new(10 + i, z, e))
        .collect();
        let terms = extract(&pairs, &res, &GlossaryOptions::default());
        let t = terms.iter().find(|t| t.zh == "数据流动").expect("paired");
        assert_eq!(t.en.to_lowercase(), "data flows");
        assert_eq!(t.examples, [10, 11, 12]);
        assert_eq!(t.renderings.len(), 1, "{t:?}");
        assert_eq!(t.renderings[0].beads, [13]);
        assert!(t.renderings[0].en.contains("flow"));
    }

    /// Assert that `zh` is paired with `en`.
    fn assert_pair(terms: &[TermPair], zh: &str, en: &str) {
        assert!(terms.iter().any(|t| t.zh == zh && t.en == en), "{terms:#?}");
    }

    /// Assert that `zh` is no term.
    fn assert_no_term(terms: &[TermPair], zh: &str) {
        assert!(terms.iter().all(|t| t.zh != zh), "{terms:#?}");
    }

    /// The pair of `zh`.
    fn term<'t>(terms: &'t [TermPair], zh: &str) -> &'t TermPair {
        terms
            .iter()
            .find(|t| t.zh == zh)
            .unwrap_or_else(|| panic!("{terms:#?}"))
    }

    fn aligned(rows: &[(&str, &str)]) -> Vec<AlignedPair> {
        rows.iter()
            .enumerate()
            .map(|(i, (z, e))| AlignedPair::new(i, z, e))
            .collect()
    }

    #[test]
    fn a_name_and_what_it_did_is_a_clause_not_a_term() {
        let res = Resources::default_embedded().unwrap();
        let pairs = aligned(&[
            (
                "方小川笑道：“开门。”",
                "“Open the door,” Fang Xiaochuan laughed.",
            ),
            (
                "方小川笑道：“坐下。”",
                "“Sit down,” Fang Xiaochuan laughed.",
            ),
            (
                "方小川笑道：“走吧。”",
                "“Let us go,” Fang Xiaochuan laughed.",
            ),
            ("大家都看着方小川。", "Everyone looked at Fang Xiaochuan."),
            ("我们去找方小川。", "We went to find Fang Xiaochuan."),
        ]);
        let terms = extract(&pairs, &res, &GlossaryOptions::default());
        assert_eq!(term(&terms, "方小川").en, "Fang Xiaochuan");
        assert!(!terms.iter().any(|t| t.zh == "方小川笑道"), "{terms:#?}");
    }

    #[test]
    fn a_word_tagged_an_adverb_before_a_noun_is_a_modifier_when_rendered_as_one() {
        // jieba tags 永久 an adverb; the translation renders it 'permanent' before the
        // noun: a term. 当然 'of course' before a name is a clause.
        let res = Resources::default_embedded().unwrap();
        let pairs = aligned(&[
            (
                "永久基本农田不能占用。",
                "Permanent basic farmland may not be built on.",
            ),
            (
                "我们划定了永久基本农田。",
                "We have marked out permanent basic farmland.",
            ),
            (
                "永久基本农田面积稳定。",
                "The area of permanent basic farmland is stable.",
            ),
            ("当然张明也来了。", "Of course Zhang Ming came too."),
            (
                "我们始终紧紧依靠人民。",
                "We always rely closely on the people.",
            ),
            (
                "他们也紧紧依靠人民。",
                "They too rely closely on the people.",
            ),
            (
                "村里要紧紧依靠人民。",
                "In the village we must rely closely on the people.",
            ),
            (
                "他说当然张明会赢。",
                "He said of course Zhang Ming would win.",
            ),
        ]);
        let terms = extract(&pairs, &res, &GlossaryOptions::default());
        assert_eq!(
            term(&terms, "永久基本农田").en.to_lowercase(),
            "permanent basic farmland"
        );
        assert!(!terms.iter().any(|t| t.zh == "当然张明"), "{terms:#?}");
        // Before a preposition, the gloss modifies a verb.
        assert!(!terms.iter().any(|t| t.zh == "紧紧依靠人民"), "{terms:#?}");
        // The gloss may stand anywhere before the head: English orders its adjectives.
        let pairs = aligned(&[
            (
                "这里新设了自然保护地。",
                "New protected natural areas were set up here.",
            ),
            (
                "自然保护地里禁止打猎。",
                "Hunting is banned in protected natural areas.",
            ),
            (
                "全省自然保护地超过二十处。",
                "The province has over twenty protected natural areas.",
            ),
        ]);
        let terms = extract(&pairs, &res, &GlossaryOptions::default());
        assert_eq!(
            term(&terms, "自然保护地").en.to_lowercase(),
            "protected natural areas",
            "{terms:#?}"
        );
    }

    #[test]
    fn a_glossary_rendering_is_cited_as_the_glossary_writes_it() {
        // 'Developed' and 'developing' share a stem: the shipped glossary's 'developing
        // countries' must not come out as the text's 'Developed countries'.
        let res = Resources::default_embedded().unwrap();
        let pairs = aligned(&[
            (
                "发达国家应当帮助发展中国家。",
                "Developed countries should help developing countries.",
            ),
            (
                "发达国家和发展中国家都要参与。",
                "Developed countries and developing countries must both take part.",
            ),
            (
                "发展中国家需要更多资金。",
                "Developing countries need more funds.",
            ),
            (
                "发达国家也有困难。",
                "Developed countries have difficulties too.",
            ),
        ]);
        let terms = extract(&pairs, &res, &GlossaryOptions::default());
        let t = term(&terms, "发展中国家");
        assert!(t.known);
        assert_eq!(t.en.to_lowercase(), "developing countries", "{terms:?}");
    }

    #[test]
    fn another_rendering_the_glossary_approves_is_known_and_cited_as_written() {
        // The glossary approves two renderings of 潮汐能; the text uses both, the
        // second once, in the singular the glossary does not write.
        let glossary =
            crate::lexicon::parse_glossary_tsv("潮汐能\ttidal energy | tidal powers\n", "g.tsv")
                .unwrap();
        let res = Resources {
            glossary,
            words: std::sync::Arc::new(WordSegmenter::with_words(["潮汐能"])),
            ..embedded_dictionary()
        };
        let pairs = aligned(&[
            (
                "海湾小镇靠潮汐能供电。",
                "The bay town runs on tidal energy.",
            ),
            (
                "工程师们测量了潮汐能。",
                "The engineers measured the tidal energy.",
            ),
            (
                "潮汐能的价格仍然偏高。",
                "The price of tidal power is still high.",
            ),
        ]);
        let terms = extract(&pairs, &res, &GlossaryOptions::default());
        let t = term(&terms, "潮汐能");
        assert!(t.known);
        assert_eq!(t.en, "tidal energy");
        let other: Vec<(&str, bool)> = t
            .renderings
            .iter()
            .map(|r| (r.en.as_str(), r.known))
            .collect();
        assert_eq!(other, [("tidal powers", true)], "{terms:#?}");
    }

    #[test]
    fn known_is_cleared_where_a_later_pass_left_a_rendering_the_glossary_lacks() {
        let glossary =
            crate::lexicon::parse_glossary_tsv("风车\twindmill | wind mill\n", "g.tsv").unwrap();
        let res = Resources {
            glossary,
            ..embedded_dictionary()
        };
        let rendering = |en: &str| Rendering {
            en: en.into(),
            count: 1,
            beads: vec![3],
            known: true,
        };
        // Refitted to a wider phrase, the best rendering is no longer the glossary's.
        let mut refitted = TermPair::seen_twice("风车", "old windmill");
        refitted.known = true;
        refitted.renderings = vec![rendering("Wind Mill"), rendering("mill")];
        let mut kept = TermPair::seen_twice("风车", "Windmills");
        kept.known = true;
        let mut terms = [refitted, kept];
        still_approved(&mut terms, &res);
        assert!(!terms[0].known);
        let known: Vec<bool> = terms[0].renderings.iter().map(|r| r.known).collect();
        assert_eq!(known, [true, false]);
        assert!(
            terms[1].known,
            "a stem of the glossary's rendering is still it"
        );
    }

    #[test]
    fn a_rendering_without_word_evidence_does_not_grow_by_association_alone() {
        // 'zorvane', a made-up name, says nothing a gloss of 星际 or 尘埃 does: the
        // rendering seen with the term every time does not grow to a phrase that comes
        // with it four times in eleven, whose extra words render nothing of it either.
        let res = Resources::default_embedded().unwrap();
        let pairs = aligned(&[
            ("星际尘埃很稀有。", "Zorvane is rare."),
            (
                "他们研究星际尘埃的性质。",
                "They study the properties of zorvane.",
            ),
            ("星际尘埃可以导电。", "Zorvane conducts electricity."),
            (
                "星际尘埃的出现很快。",
                "The development of zorvane was fast.",
            ),
            (
                "人们关注星际尘埃的出现。",
                "People follow the development of zorvane.",
            ),
            (
                "星际尘埃的出现需要时间。",
                "The development of zorvane takes time.",
            ),
            (
                "我们讨论星际尘埃的出现。",
                "We discussed the development of zorvane.",
            ),
            ("星际尘埃价格上涨。", "The price of zorvane rose."),
            ("星际尘埃来自海底。", "Zorvane comes from the seabed."),
            ("没有人见过星际尘埃。", "Nobody has seen zorvane."),
            ("星际尘埃是蓝色的。", "Zorvane is blue."),
        ]);
        let terms = extract(&pairs, &res, &GlossaryOptions::default());
        assert_eq!(
            term(&terms, "星际尘埃").en.to_lowercase(),
            "zorvane",
            "{terms:?}"
        );
    }

    #[test]
    fn a_term_rendered_by_an_everyday_word_ranks_below_one_rendered_by_a_rare_word() {
        let res = embedded_dictionary();
        let dict = res.dictionary.as_ref().unwrap();
        assert!(dict.english_entries("People") > dict.english_entries("socialism"));
        assert_eq!(dict.english_entries("no-such-word"), 0);
        // Both recur alike, each always with its dictionary rendering.
        let pairs = aligned(&[
            ("社会主义和人民。", "Socialism and the people."),
            ("人民支持社会主义。", "The people support socialism."),
            ("社会主义属于人民。", "Socialism belongs to the people."),
        ]);
        let terms = extract(&pairs, &res, &GlossaryOptions::default());
        let rank = |zh: &str| terms.iter().position(|t| t.zh == zh);
        assert!(rank("社会主义").is_some(), "{terms:?}");
        assert!(
            rank("人民").is_none_or(|r| r > rank("社会主义").unwrap()),
            "{terms:?}"
        );
        assert!(everyday_rendering_weight("people", &res, &Params::default()) < 0.2);
        assert_eq!(
            everyday_rendering_weight("socialism", &res, &Params::default()),
            1.0
        );
        // Two content words: a phrase, not an everyday word.
        assert_eq!(
            everyday_rendering_weight("trade unions", &res, &Params::default()),
            1.0
        );
    }

    #[test]
    fn a_dictionary_term_seen_once_is_paired_an_everyday_word_is_not() {
        let res = embedded_dictionary();
        let pairs = aligned(&[
            (
                "全国人民代表大会支持数字治理。",
                "The National People's Congress supports digital governance.",
            ),
            ("数字治理很重要。", "Digital governance matters."),
        ]);
        let terms = extract(&pairs, &res, &GlossaryOptions::default());
        let npc = terms
            .iter()
            .find(|t| t.zh == "全国人民代表大会")
            .expect("a dictionary entry seen once");
        assert_eq!(npc.en, "National People's Congress");
        assert_eq!(npc.frequency, 1);
        // Two-character entries seen once are mostly everyday words.
        assert!(terms.iter().all(|t| t.zh != "支持"), "{terms:?}");
        // An explicit --min-freq applies to every term.
        let strict = GlossaryOptions {
            min_freq: 2,
            min_freq_supported: 2,
            top: None,
            ..GlossaryOptions::default()
        };
        let terms = extract(&pairs, &res, &strict);
        assert!(terms.iter().all(|t| t.frequency >= 2), "{terms:?}");
    }

    #[test]
    fn a_verb_phrase_is_cited_in_its_base_form() {
        let res = embedded_dictionary();
        let pairs = aligned(&[
            (
                "农业要因地制宜。",
                "Farming keeps adapting to local conditions.",
            ),
            ("因地制宜很重要。", "Adapting to local conditions matters."),
            ("他们在因地制宜。", "They are adapting to local conditions."),
            ("必须因地制宜。", "We must adapt to local conditions."),
        ]);
        let terms = extract(&pairs, &res, &GlossaryOptions::default());
        assert_eq!(term(&terms, "因地制宜").en, "adapt to local conditions");
    }

    #[test]
    fn a_fragment_of_a_longer_term_is_dropped() {
        let res = Resources::default_embedded().unwrap();
        let pairs = sample_pairs();
        let terms = extract(&pairs, &res, &GlossaryOptions::default());
        // Every term that remains either occurs on its own or says something its
        // longer neighbours do not.
        for t in &terms {
            for long in terms
                .iter()
                .filter(|l| l.zh != t.zh && l.zh.contains(&t.zh))
            {
                assert!(
                    (long.frequency as f64)
                        < Params::default().fragment_min_share * t.frequency as f64
                        || long.en != t.en,
                    "{t:?} inside {long:?}"
                );
            }
        }
    }

    #[test]
    fn every_candidate_is_explained_and_the_kept_ones_are_the_glossary() {
        let res = Resources::default_embedded().unwrap();
        let pairs = sample_pairs();
        let opts = GlossaryOptions::default();
        let terms = extract(&pairs, &res, &opts);
        let (explained_terms, fates) = extract_explained(&pairs, &res, &opts);
        assert_eq!(terms, explained_terms);
        let kept: Vec<&TermPair> = fates
            .iter()
            .filter(|e| e.fate == Fate::Kept)
            .filter_map(|e| e.pair.as_ref())
            .collect();
        assert_eq!(kept.len(), terms.len());
        assert!(terms.iter().all(|t| kept.contains(&t)));
        // One row per candidate, and a row for every candidate.
        let mut names: Vec<&str> = fates.iter().map(|e| e.zh.as_str()).collect();
        names.sort_unstable();
        assert!(names.windows(2).all(|w| w[0] != w[1]));
        let (zh_texts, _) = texts(&pairs);
        let floor = opts.min_freq.min(opts.min_freq_supported);
        let dictionary = res.dictionary.as_ref();
        let zh = candidates::chinese_with_dictionary(
            &zh_texts,
            floor,
            dictionary,
            &res.words,
            &opts.params,
        );
        for c in &zh.list {
            assert!(names.binary_search(&c.display.as_str()).is_ok(), "{c:?}");
        }
        assert!(
            fates
                .iter()
                .filter(|e| e.own.is_some())
                .all(|e| zh.list.iter().any(|c| c.display == e.zh))
        );
        // Each kind of drop happens on the sample, a fragment with the rendering it had.
        for fate in [
            Fate::Rare,
            Fate::NoRendering,
            Fate::NotATerm,
            Fate::Fragment,
        ] {
            assert!(fates.iter().any(|e| e.fate == fate), "no {fate:?}");
        }
        assert!(
            fates
                .iter()
                .filter(|e| e.fate == Fate::Fragment)
                .all(|e| e.pair.is_some())
        );
        let rare = fates.iter().find(|e| e.fate == Fate::Rare).unwrap();
        assert!(rare.frequency < opts.min_freq && rare.pair.is_none());
    }

    #[test]
    fn fragments_go_and_renderings_grow() {
        let res = embedded_dictionary();
        let pairs = aligned(&[
            (
                "我们推进国家安全体系建设。",
                "We advance the building of the national security system.",
            ),
            (
                "国家安全体系建设很重要。",
                "The building of the national security system is important.",
            ),
            (
                "加强国家安全体系建设。",
                "Strengthen the building of the national security system.",
            ),
            ("国家安全很重要。", "National security is important."),
        ]);
        let terms = extract(&pairs, &res, &GlossaryOptions::default());
        let long = terms
            .iter()
            .find(|t| t.zh == "国家安全体系建设")
            .expect("the long term");
        // Not just "building": the glosses explain national, security and system too.
        assert_eq!(
            long.en, "building of the national security system",
            "{terms:?}"
        );
        // 安全体系 only ever occurs inside the longer term.
        assert!(terms.iter().all(|t| t.zh != "安全体系"), "{terms:?}");
        // 国家安全 also occurs on its own, and stays.
        assert!(terms.iter().any(|t| t.zh == "国家安全"), "{terms:?}");
    }

    #[test]
    fn recurring_association_pairs_without_glosses() {
        // No gloss explains "National Congress": only its recurrence with 十八大 pairs
        // them, and the term is kept rather than 党的十八大 around it.
        let res = embedded_dictionary();
        let pairs = aligned(&[
            (
                "党的十八大提出了目标。",
                "The 18th National Congress set goals.",
            ),
            (
                "党的十八大以来，形势很好。",
                "Since the 18th National Congress, things are good.",
            ),
            (
                "学习党的十八大报告。",
                "Study the report to the 18th National Congress.",
            ),
            (
                "党的十八大强调改革。",
                "The Party's 18th National Congress stressed reform.",
            ),
            (
                "十八大精神很重要。",
                "The principles of the 18th National Congress matter.",
            ),
            (
                "落实党的十八大部署。",
                "Implement the plans of the 18th National Congress.",
            ),
            (
                "党的十八大选举了中央委员会。",
                "The 18th National Congress elected the Central Committee.",
            ),
        ]);
        let terms = extract(&pairs, &res, &GlossaryOptions::default());
        let t = term(&terms, "十八大");
        assert_eq!(t.en, "18th National Congress");
        assert_eq!(t.cooccurrence, 7);
        assert_no_term(&terms, "党的十八大");
    }

    #[test]
    fn a_modifier_around_a_term_with_its_rendering_goes() {
        let res = embedded_dictionary();
        let pairs = aligned(&[
            ("各级党委要负责。", "Party committees take charge."),
            ("各级党委要带头。", "Party committees should lead."),
            ("各级党委要学习。", "Party committees must study."),
            ("各级党委要落实。", "Let Party committees act."),
            ("各级党委要改进。", "Party committees will improve."),
            ("各级党委要监督。", "Party committees oversee it."),
            ("党委要团结。", "Party committees unite."),
        ]);
        let terms = extract(&pairs, &res, &GlossaryOptions::default());
        // 各级 ("at all levels") is left unrendered: the term is 党委.
        assert!(terms.iter().any(|t| t.zh == "党委"), "{terms:#?}");
        assert_no_term(&terms, "各级党委");
    }

    #[test]
    fn a_word_for_word_rendering_seen_once_pairs_a_recurring_term() {
        let res = embedded_dictionary();
        let pairs = aligned(&[
            ("保护个人隐私。", "Protect personal privacy."),
            ("个人隐私很重要。", "It matters."),
            ("尊重个人隐私。", "Respect what people keep to themselves."),
        ]);
        let terms = extract(&pairs, &res, &GlossaryOptions::default());
        let t = term(&terms, "个人隐私");
        assert_eq!(t.en, "personal privacy");
        assert_eq!((t.frequency, t.cooccurrence), (3, 1));
    }

    #[test]
    fn an_acronym_renders_the_name_it_abbreviates() {
        let stems = |g: &str| gloss_stems(g);
        let forms = acronym_forms(&stems("Communist Party of China"), &Params::default());
        assert!(forms.contains(&vec!["cpc".to_string(); 3]), "{forms:?}");
        // Two words make no acronym: "us" and "it" would match by accident.
        assert!(acronym_forms(&stems("united states"), &Params::default()).is_empty());
        let dict = crate::lexicon::Dictionary::from_cedict_text(
            "中國共產黨 中国共产党 [x] /Communist Party of China/\n",
            "t",
        )
        .unwrap();
        let res = Resources {
            dictionary: Some(dict),
            glossary: Vec::new(),
            words: crate::lexicon::segmenter(true),
        };
        let pairs = aligned(&[
            ("中国共产党领导人民。", "The CPC leads the people."),
            ("中国共产党很重要。", "The CPC matters."),
            ("中国共产党人团结。", "Chinese Communists unite."),
            (
                "中国共产党带领人民。",
                "The CPC and Chinese Communists lead.",
            ),
        ]);
        let terms = extract(&pairs, &res, &GlossaryOptions::default());
        let t = term(&terms, "中国共产党");
        assert_eq!(t.en, "CPC");
    }

    #[test]
    fn loosely_attached_words_leave_a_full_rendering() {
        let res = embedded_dictionary();
        let pairs = aligned(&[
            ("领导阶级很重要。", "China’s leading class matters."),
            (
                "巩固领导阶级地位。",
                "Secure the place of China’s leading class.",
            ),
            (
                "人民解放军和武警。",
                "The People’s Liberation Army and the police.",
            ),
            (
                "人民解放军很强。",
                "The People’s Liberation Army and the navy.",
            ),
        ]);
        let terms = extract(&pairs, &res, &GlossaryOptions::default());
        let en = |zh: &str| {
            terms
                .iter()
                .find(|t| t.zh == zh)
                .unwrap_or_else(|| panic!("{zh}: {terms:#?}"))
                .en
                .clone()
        };
        // A possessor the term does not say goes; so does what follows "and the".
        assert_eq!(en("领导阶级"), "leading class");
        assert_eq!(en("人民解放军"), "People’s Liberation Army");
        let set = english(&["China’s leading class", "a driving force"], 1);
        let get = |p: &str| set.get(&phrase_key(p)).expect(p);
        assert!(loose_words_around(
            get("China’s leading class"),
            get("leading class")
        ));
        // "driving" is bound to "force": an idiomatic rendering stays whole.
        assert!(!loose_words_around(get("driving force"), get("force")));
    }

    #[test]
    fn a_noun_compound_seen_once_pairs_when_rendered_word_for_word() {
        let res = embedded_dictionary();
        let pairs = aligned(&[
            (
                "我们坚持基本经济制度。",
                "We uphold the basic economic system.",
            ),
            ("人民热爱生活。", "The people love life."),
            ("要爱护公共财物。", "Take care of the public things."),
        ]);
        let terms = extract(&pairs, &res, &GlossaryOptions::default());
        let t = term(&terms, "基本经济制度");
        assert_eq!((t.en.as_str(), t.frequency), ("basic economic system", 1));
        // jieba keeps verb phrases whole too: their tag tells them apart.
        assert_no_term(&terms, "热爱生活");
        // Not rendered word for word: no pair.
        assert_no_term(&terms, "公共财物");
        let params = Params::default();
        let mut ev = Evidence::new(&res, &english(&[""], 1), &params);
        let zh = chinese(&["民主党派和热爱生活"], 1);
        assert!(noun_compound(zh.get("民主党派").unwrap(), &mut ev));
        assert!(!noun_compound(zh.get("热爱生活").unwrap(), &mut ev));
    }

    #[test]
    fn a_rendering_only_association_gives_goes_to_the_longer_term() {
        let res = embedded_dictionary();
        let mut rows = vec![
            ("坚持社会主义。", "Uphold socialism."),
            ("发展社会主义。", "Develop socialism."),
            ("社会主义好。", "Socialism is good."),
            ("学习社会主义。", "Study socialism."),
            ("建设社会主义。", "Build socialism."),
            ("热爱社会主义。", "Love socialism."),
            ("社会主义国家。", "A socialist country, for socialism."),
            ("为了社会主义。", "For socialism."),
        ];
        rows.push((
            "反对教条主义。",
            "Oppose dogmatism, which is not socialism.",
        ));
        rows.push(("主义不同。", "Our socialism differs."));
        let terms = extract(&aligned(&rows), &res, &GlossaryOptions::default());
        assert_pair(&terms, "社会主义", "socialism");
        // 主义 ("-ism") comes with "socialism" only inside 社会主义, which says it.
        assert_no_term(&terms, "主义");
    }

    #[test]
    fn modifiers_and_verbs_are_no_noun_renderings() {
        let en = english(
            &[
                "Young people.",
                "Young people, young workers.",
                "Young people.",
                "Our youth.",
                "We realize it.",
                "Innovation.",
                "Development.",
                "Implement it.",
            ],
            1,
        );
        let get = |p: &str| en.get(&phrase_key(p)).expect(p);
        assert!(ends_in_modifier(get("young"), &en, &Params::default()));
        assert!(!ends_in_modifier(get("youth"), &en, &Params::default()));
        assert!(!ends_in_modifier(
            get("young people"),
            &en,
            &Params::default()
        ));
        let res = embedded_dictionary();
        let zh = chinese(&["实现", "实现", "领会", "领会"], 1);
        let realize = zh.get("实现").unwrap();
        assert!(verb_for_verb(realize, get("realize"), &res));
        assert!(!verb_for_verb(realize, get("innovation"), &res));
        assert!(!verb_for_verb(realize, get("development"), &res));
        assert!(verb_for_verb(realize, get("implement"), &res));
        // jieba tags 领会 a noun; the dictionary says "to understand".
        assert!(verb_for_verb(zh.get("领会").unwrap(), get("realize"), &res));
        // 信仰 is "to believe in" first, but "belief" too: a noun rendering stays.
        let zh = chinese(&["信仰", "信仰"], 1);
        let en = english(&["Belief.", "We believe."], 1);
        let belief = en.get(&phrase_key("belief")).unwrap();
        let believe = en.get(&phrase_key("believe")).unwrap();
        assert!(!verb_for_verb(zh.get("信仰").unwrap(), belief, &res));
        assert!(verb_for_verb(zh.get("信仰").unwrap(), believe, &res));
        // jieba tags 证明 a noun, first sense "proof"; rendered "prove", its verb sense
        // "to prove", it is used as a verb.
        let zh = chinese(&["证明", "证明"], 1);
        let en = english(&["A proof.", "We prove it."], 1);
        let prove = zh.get("证明").unwrap();
        assert!(verb_for_verb(
            prove,
            en.get(&phrase_key("prove")).unwrap(),
            &res
        ));
        assert!(!verb_for_verb(
            prove,
            en.get(&phrase_key("proof")).unwrap(),
            &res
        ));
        // A phrase opening with the verb the dictionary gives ("to point out") is the
        // verb too; an -ing form or a noun followed by 'of' may name a concept.
        let zh = chinese(&["指出", "指出"], 1);
        let point_out = zh.get("指出").unwrap();
        let phrase = |texts: &[&str], p: &str| {
            let en = english(texts, 1);
            verb_for_verb(point_out, en.get(&phrase_key(p)).expect(p), &res)
        };
        assert!(phrase(
            &["We point out facts.", "They point out facts."],
            "point out"
        ));
        assert!(!phrase(
            &["Pointing out facts.", "Pointing out facts."],
            "pointing out"
        ));
        assert!(!phrase(
            &["Point of view.", "Point of view."],
            "point of view"
        ));
    }

    #[test]
    fn a_verb_naming_a_kind_of_its_object_makes_a_term() {
        // 期望 is a verb and 收益 a term of its own, but the translation names one
        // thing ("expected returns"), not an act on the term ("expect returns").
        let res = embedded_dictionary();
        let rows = [
            ("他们的期望收益很高。", "Their expected returns are high."),
            (
                "投资者比较期望收益。",
                "Investors compare expected returns.",
            ),
            ("这决定了期望收益。", "This decides the expected returns."),
            ("我们期望成功。", "We hope for success."),
            ("大家期望和平。", "Everyone hopes for peace."),
            ("这些收益来自市场。", "These returns come from the market."),
            ("这种收益不稳定。", "Such returns are unstable."),
            ("每年公布收益。", "They publish the returns every year."),
            ("他们把收益用于研究。", "They use the returns for research."),
        ];
        let terms = extract(&aligned(&rows), &res, &GlossaryOptions::default());
        assert_pair(&terms, "期望收益", "expected returns");
        assert_pair(&terms, "收益", "returns");
    }

    #[test]
    fn a_name_and_a_verb_its_rendering_renders_make_a_term() {
        // 变换 is tagged a verb; 傅里叶 alone gets the same rendering by association,
        // but "transform" renders 变换: the whole is one thing, not a name doing it.
        let res = embedded_dictionary();
        let rows = [
            ("我们计算傅里叶变换。", "We compute the Fourier transform."),
            ("傅里叶变换是线性的。", "The Fourier transform is linear."),
            (
                "他用傅里叶变换分析信号。",
                "He analyses the signal with the Fourier transform.",
            ),
            (
                "傅里叶变换很常用。",
                "The Fourier transform is widely used.",
            ),
        ];
        let terms = extract(&aligned(&rows), &res, &GlossaryOptions::default());
        assert_pair(&terms, "傅里叶变换", "Fourier transform");
    }

    #[test]
    fn an_adjective_is_a_term_only_when_rendered_by_a_noun() {
        // jieba tags 偏好 an adverb and 坚定 an adjective; the translation says which
        // one is a concept ("preference") and which describes ("firm").
        let res = embedded_dictionary();
        let rows = [
            (
                "消费者的偏好会变化。",
                "The preferences of consumers change.",
            ),
            ("这些偏好可以测量。", "These preferences can be measured."),
            ("我们研究偏好。", "We study preferences."),
            ("他的立场坚定。", "His position is firm."),
            ("她的态度坚定。", "Her attitude is firm."),
            ("老师的信念坚定。", "The teacher's belief is firm."),
        ];
        let terms = extract(&aligned(&rows), &res, &GlossaryOptions::default());
        assert_pair(&terms, "偏好", "preferences");
        assert_no_term(&terms, "坚定");
    }

    #[test]
    fn a_verb_with_a_term_for_its_object_is_no_term() {
        // 推进 + 数据治理: the text does something with the term; the phrase, whose
        // verb the rendering leaves out, is not a term of its own.
        let res = embedded_dictionary();
        let rows = [
            ("我们推进数据治理。", "We advance data governance."),
            ("各地推进数据治理。", "Regions advance data governance."),
            ("企业推进数据治理。", "Companies advance data governance."),
            (
                "政府推进数据治理。",
                "The government advances data governance.",
            ),
            ("数据治理很重要。", "Data governance matters."),
        ];
        let terms = extract(&aligned(&rows), &res, &GlossaryOptions::default());
        assert_pair(&terms, "数据治理", "data governance");
        assert_no_term(&terms, "推进数据治理");
    }

    #[test]
    fn a_verb_phrase_jieba_keeps_whole_is_a_verb_and_its_object() {
        // jieba's dictionary holds 构建人类命运共同体 as one word: the verb is read off
        // it, and the term it acts on is kept.
        let res = embedded_dictionary();
        let rows = [
            (
                "我们提出构建人类命运共同体的理念。",
                "We put forward the vision of building a community with a shared future for mankind.",
            ),
            (
                "各国推动构建人类命运共同体。",
                "Countries promote the building of a community with a shared future for mankind.",
            ),
        ];
        let terms = extract(&aligned(&rows), &res, &GlossaryOptions::default());
        assert_pair(
            &terms,
            "人类命运共同体",
            "community with a shared future for mankind",
        );
        assert_no_term(&terms, "构建人类命运共同体");
    }

    #[test]
    fn a_verb_after_an_adverbial_with_a_term_for_its_object_is_no_term() {
        // 扎实 + 推进 + 数据治理, the term never without them: still what the text does
        // with the term.
        let res = embedded_dictionary();
        let rows = [
            (
                "我们要扎实推进数据治理。",
                "We must make solid progress in data governance.",
            ),
            (
                "各地扎实推进数据治理。",
                "Regions make solid progress in data governance.",
            ),
            (
                "企业扎实推进改革。",
                "Companies make solid progress in reform.",
            ),
        ];
        let terms = extract(&aligned(&rows), &res, &GlossaryOptions::default());
        assert_pair(&terms, "数据治理", "data governance");
        assert_no_term(&terms, "扎实推进数据治理");
    }

    #[test]
    fn a_name_rendered_word_for_word_is_a_term_whatever_verb_it_starts_with() {
        // jieba reads 渡 + 灯节 as a verb and its object; the translation writes the
        // whole as a name, every word of it rendered.
        let res = embedded_dictionary();
        let rows = [
            (
                "今年的渡灯节很热闹。",
                "This year's Ferry Lantern Festival was lively.",
            ),
            (
                "渡灯节那天大家都来了。",
                "Everyone came on the day of the Ferry Lantern Festival.",
            ),
            (
                "他最喜欢渡灯节。",
                "He loves the Ferry Lantern Festival most.",
            ),
        ];
        let terms = extract(&aligned(&rows), &res, &GlossaryOptions::default());
        assert_pair(&terms, "渡灯节", "Ferry Lantern Festival");
    }

    #[test]
    fn a_number_and_its_measure_word_is_a_quantity() {
        assert!(is_quantity("四十") && is_quantity("八千块") && is_quantity("一百零八盏"));
        assert!(is_quantity("一盏一盏") && is_quantity("两个月"));
        assert!(!is_quantity("统一") && !is_quantity("三个代表") && !is_quantity("大陆"));
        assert!(!is_quantity("个人"));
        let res = embedded_dictionary();
        let rows = [
            (
                "这条船卖了八千块。",
                "The boat sold for eight thousand yuan.",
            ),
            ("他攒了八千块。", "He had saved eight thousand yuan."),
        ];
        let terms = extract(&aligned(&rows), &res, &GlossaryOptions::default());
        assert_no_term(&terms, "八千块");
        assert_no_term(&terms, "八千");
        // A word with a numeral in it, rendered without a count, is no quantity.
        let rows = [
            ("他拉二胡。", "He plays the erhu."),
            ("二胡的声音很美。", "The erhu sounds beautiful."),
            ("她也学二胡。", "She learns the erhu too."),
        ];
        let terms = extract(&aligned(&rows), &res, &GlossaryOptions::default());
        assert_pair(&terms, "二胡", "erhu");
    }

    #[test]
    fn a_word_only_seen_inside_a_longer_term_is_no_term_of_its_own() {
        // No gloss says "close bond"; only association pairs it, with 鱼水关系 and with
        // 鱼水 inside it alike. 鱼水 never occurs without 关系: the term is the whole.
        let res = embedded_dictionary();
        let rows = [
            (
                "干群之间是鱼水关系。",
                "Officials and citizens share a close bond.",
            ),
            (
                "这种鱼水关系牢固。",
                "The army and the people share a close bond.",
            ),
            ("要珍惜这种鱼水关系。", "We must cherish this close bond."),
            ("鱼水关系来之不易。", "This close bond was hard won."),
        ];
        let terms = extract(&aligned(&rows), &res, &GlossaryOptions::default());
        assert_pair(&terms, "鱼水关系", "close bond");
        assert_no_term(&terms, "鱼水");
    }

    #[test]
    fn a_rendering_of_a_small_part_grows_to_one_that_renders_the_term() {
        // "new achievements" comes with 数字经济新成就 every time but leaves 数字经济
        // unrendered; twice the translation says it all, and that is the rendering.
        let res = embedded_dictionary();
        let rows = [
            (
                "我们取得数字经济新成就。",
                "We made new achievements in the digital economy.",
            ),
            (
                "数字经济新成就令人鼓舞。",
                "The new achievements in the digital economy are heartening.",
            ),
            (
                "各地展示数字经济新成就。",
                "Regions showed their new achievements.",
            ),
            (
                "数字经济新成就来之不易。",
                "These new achievements were hard won.",
            ),
            ("总结数字经济新成就。", "Sum up the new achievements."),
            ("宣传数字经济新成就。", "Publicise the new achievements."),
            ("巩固数字经济新成就。", "Consolidate the new achievements."),
        ];
        let terms = extract(&aligned(&rows), &res, &GlossaryOptions::default());
        let t = term(&terms, "数字经济新成就");
        assert_eq!(t.en, "new achievements in the digital economy");
    }

    #[test]
    fn a_named_word_bound_to_the_rendering_stays_with_it() {
        // Seen once each, "abreast of the times" and "keep abreast of the times" render
        // 与时俱进 alike; "keep", which the gloss "keep up with the times" names and
        // which stands right before them, belongs to the rendering.
        let res = embedded_dictionary();
        let rows = [
            ("我们要与时俱进。", "We must keep abreast of the times."),
            ("理论要与时俱进。", "Theory must progress with the times."),
            ("这是新时代。", "These are new times."),
            ("时代变了。", "Times have changed."),
            ("历史进入新阶段。", "History entered new times."),
            ("经济在进步。", "The economy makes progress."),
            ("社会进步了。", "Society made progress."),
        ];
        let terms = extract(&aligned(&rows), &res, &GlossaryOptions::default());
        let t = term(&terms, "与时俱进");
        assert_eq!(t.en, "keep abreast of the times");
    }

    #[test]
    fn words_across_a_stop_word_do_not_grow_a_complete_rendering() {
        let set = english(
            &[
                "the digital society in all respects",
                "18th National Congress",
            ],
            1,
        );
        let get = |p: &str| set.get(&phrase_key(p)).unwrap();
        assert!(!no_stop_word_around(
            get("digital society in all respects"),
            get("digital society")
        ));
        assert!(no_stop_word_around(
            get("18th National Congress"),
            get("18th")
        ));
    }

    #[test]
    fn a_longer_term_is_rendered_by_the_rendering_of_the_term_inside() {
        // 十四五 is "14th Five-Year Plan" by recurrence; 十四五要求 is mostly "the
        // targets", which leaves 十四五 unrendered, and twice the translation spells it
        // out with the rendering of 十四五.
        let res = embedded_dictionary();
        let rows = [
            ("十四五开局良好。", "The 14th Five-Year Plan started well."),
            ("落实十四五。", "Implement the 14th Five-Year Plan."),
            (
                "十四五时期很关键。",
                "The 14th Five-Year Plan period is key.",
            ),
            ("十四五已经启动。", "The 14th Five-Year Plan has begun."),
            (
                "完成十四五要求。",
                "Meet the targets of the 14th Five-Year Plan.",
            ),
            (
                "十四五要求很明确。",
                "The targets of the 14th Five-Year Plan are clear.",
            ),
            ("各地对照十四五要求。", "Regions checked the targets."),
            ("十四五要求必须落实。", "The targets must be met."),
            ("围绕十四五要求推进。", "Work proceeds around the targets."),
        ];
        let terms = extract(&aligned(&rows), &res, &GlossaryOptions::default());
        assert_eq!(term(&terms, "十四五").en, "14th Five-Year Plan");
        assert_eq!(
            term(&terms, "十四五要求").en,
            "targets of the 14th Five-Year Plan"
        );
    }

    #[test]
    fn a_long_dictionary_word_inside_a_token_is_word_level_evidence() {
        // jieba's search cut of 爱国统一战线 stops at three characters; the dictionary's
        // 统一战线 "united front" still names "united".
        let res = embedded_dictionary();
        let rows = [(
            "巩固和发展爱国统一战线。",
            "Consolidate and develop the patriotic united front.",
        )];
        let terms = extract(&aligned(&rows), &res, &GlossaryOptions::default());
        assert_pair(&terms, "爱国统一战线", "patriotic united front");
    }

    #[test]
    fn a_term_overlapping_a_better_rendered_one_does_not_take_its_rendering() {
        // jieba cuts 发展中国特色社会主义 as 发展/中国/特色/社会主义: 发展中国 comes with
        // the rendering of 中国特色社会主义, which the glosses of 发展 and 中国 only half
        // name.
        let res = embedded_dictionary();
        let rows = [
            (
                "发展中国特色社会主义。",
                "Developing socialism with Chinese characteristics.",
            ),
            (
                "我们要发展中国特色社会主义。",
                "We must be developing socialism with Chinese characteristics.",
            ),
            (
                "继续发展中国特色社会主义。",
                "Keep developing socialism with Chinese characteristics.",
            ),
            (
                "中国特色社会主义是好的。",
                "Socialism with Chinese characteristics is good.",
            ),
            (
                "坚持中国特色社会主义。",
                "Uphold socialism with Chinese characteristics.",
            ),
            (
                "中国特色社会主义道路。",
                "The path of socialism with Chinese characteristics.",
            ),
            (
                "中国特色社会主义理论。",
                "The theory of socialism with Chinese characteristics.",
            ),
            (
                "中国特色社会主义制度。",
                "The system of socialism with Chinese characteristics.",
            ),
            (
                "中国特色社会主义文化。",
                "The culture of socialism with Chinese characteristics.",
            ),
        ];
        let terms = extract(&aligned(&rows), &res, &GlossaryOptions::default());
        assert_pair(
            &terms,
            "中国特色社会主义",
            "socialism with Chinese characteristics",
        );
        assert_no_term(&terms, "发展中国");
    }

    #[test]
    fn a_word_jieba_cuts_two_ways_occurs_wherever_it_is_written() {
        let res = embedded_dictionary();
        // jieba cuts 达格列净 as 达格/列净, but as 达格/列/净组 before 组: the drug
        // comes with 'dapagliflozin' in all six beads, 'metformin' in three.
        let rows = [
            (
                "患者服用达格列净和二甲双胍。",
                "Patients took dapagliflozin and metformin.",
            ),
            (
                "达格列净联合二甲双胍有效。",
                "Dapagliflozin with metformin was effective.",
            ),
            (
                "达格列净与二甲双胍合用。",
                "Dapagliflozin was combined with metformin.",
            ),
            (
                "达格列净组体重下降。",
                "Body weight fell in the dapagliflozin group.",
            ),
            (
                "达格列净组血压下降。",
                "Blood pressure fell in the dapagliflozin group.",
            ),
            (
                "达格列净组无人退出。",
                "Nobody left the dapagliflozin group.",
            ),
        ];
        let terms = extract(&aligned(&rows), &res, &GlossaryOptions::default());
        assert_pair(&terms, "达格列净", "dapagliflozin");
        assert_no_term(&terms, "达格");
        // A word jieba knows is counted where jieba cuts it, and never before a bound
        // suffix: 数据处理 of 数据处理者 is no occurrence of it.
        let rows = [
            (
                "数据处理者应当保护数据。",
                "The data processor shall protect data.",
            ),
            ("数据处理者应当登记。", "The data processor shall register."),
            ("数据处理者应当报告。", "The data processor shall report."),
            ("数据处理应当合法。", "Data processing shall be lawful."),
            ("数据处理应当公开。", "Data processing shall be open."),
        ];
        let terms = extract(&aligned(&rows), &res, &GlossaryOptions::default());
        assert_eq!(term(&terms, "数据处理").en, "data processing", "{terms:#?}");
    }

    #[test]
    fn a_name_called_by_its_surname_ranks_as_a_name() {
        let res = embedded_dictionary();
        assert!(spells_part_of_name("赵天宇", "Zhao", &res));
        assert!(spells_part_of_name("赵天宇", "Tianyu", &res));
        assert!(!spells_part_of_name("赵天宇", "Zhang", &res));
        assert!(!spells_part_of_name("赵天宇", "Zhao Tian", &res));
        // Spelt in full once, then called 'Zhao': as much a name as one spelt in full
        // each time, and no everyday word for the entries its syllable glosses.
        let rows = [
            (
                "赵天宇走进了实验室。",
                "Zhao Tianyu walked into the laboratory.",
            ),
            (
                "赵天宇看着实验室的屏幕。",
                "Zhao looked at the screen of the laboratory.",
            ),
            (
                "赵天宇没有离开实验室。",
                "Zhao did not leave the laboratory.",
            ),
            (
                "赵天宇打开了实验室的门。",
                "Zhao opened the door of the laboratory.",
            ),
            ("赵天宇又回到实验室。", "Zhao came back to the laboratory."),
            ("赵天宇在实验室笑了。", "Zhao smiled in the laboratory."),
        ];
        let terms = extract(&aligned(&rows), &res, &GlossaryOptions::default());
        let name = term(&terms, "赵天宇");
        assert_eq!(name.en, "Zhao Tianyu");
        let lab = term(&terms, "实验室");
        assert!(name.score >= lab.score, "{terms:#?}");
    }

    #[test]
    fn a_name_spelt_in_pinyin_renders_it() {
        let res = embedded_dictionary();
        assert!(spells_name("翠芬", "Cui-fen", &res));
        assert!(spells_name("李明华", "Li Minghua", &res));
        assert!(!spells_name("李明华", "Li", &res));
        assert!(!spells_name("翠芬", "cui-fen", &res));
        // The name, though a companion comes with it more often than it is named.
        let rows = [
            ("翠芬和老周走了。", "Cui-fen and Grumpy left."),
            ("老周看翠芬。", "Grumpy looked at Cui-fen."),
            ("翠芬问老周。", "Cui-fen asked Grumpy."),
            ("老周笑了，翠芬也笑了。", "Grumpy laughed, and so did she."),
            ("翠芬叫老周坐下。", "She asked Grumpy to sit down."),
            ("老周给翠芬倒茶。", "Grumpy poured her tea."),
        ];
        let terms = extract(&aligned(&rows), &res, &GlossaryOptions::default());
        assert_pair(&terms, "翠芬", "Cui-fen");
    }

    #[test]
    fn a_term_with_a_verb_its_rendering_leaves_out_is_no_term() {
        let res = embedded_dictionary();
        let rows = [
            ("国务院提出新目标。", "New goals from the State Council."),
            ("国务院提出要求。", "Requirements of the State Council."),
            ("国务院提出办法。", "Measures by the State Council."),
            ("国务院开会。", "The State Council met."),
            ("国务院很忙。", "The State Council is busy."),
            ("国务院发布通知。", "The State Council issued a notice."),
            ("国务院成立了。", "The State Council was set up."),
        ];
        let terms = extract(&aligned(&rows), &res, &GlossaryOptions::default());
        assert_pair(&terms, "国务院", "State Council");
        assert_no_term(&terms, "国务院提出");
    }

    #[test]
    fn a_word_jieba_calls_a_verb_rendered_as_a_modifier_is_part_of_a_name() {
        // jieba tags 行为 a verb; the dictionary says "behavior", and the translation
        // renders it: 行为科学家 is a term, not something done to 科学家.
        let res = embedded_dictionary();
        let rows = [
            ("行为科学家认为如此。", "Behavioral scientists think so."),
            (
                "行为科学家做了实验。",
                "Behavioral scientists ran experiments.",
            ),
            ("请教行为科学家。", "Ask behavioral scientists."),
            ("科学家很忙。", "Scientists are busy."),
            ("科学家来了。", "The scientists came."),
        ];
        let terms = extract(&aligned(&rows), &res, &GlossaryOptions::default());
        // Cited in lower case: the capital is a sentence start's.
        assert_pair(&terms, "行为科学家", "behavioral scientists");
    }

    #[test]
    fn words_across_a_stop_word_that_come_with_a_term_stay_out_of_its_rendering() {
        // "in all respects" comes with 小康社会 every time, but it says 全面 beside
        // the term, and "moderately prosperous society" already renders all of it.
        let res = embedded_dictionary();
        let rows = [
            (
                "全面推进小康社会。",
                "Advance a moderately prosperous society in all respects.",
            ),
            (
                "我们全面推进小康社会。",
                "We build a moderately prosperous society in all respects.",
            ),
            (
                "各地全面推进小康社会。",
                "Regions build a moderately prosperous society in all respects.",
            ),
            (
                "今年全面推进小康社会。",
                "This year, a moderately prosperous society in all respects.",
            ),
            (
                "继续全面推进小康社会。",
                "Keep building a moderately prosperous society in all respects.",
            ),
            (
                "必须全面推进小康社会。",
                "We must build a moderately prosperous society in all respects.",
            ),
        ];
        let terms = extract(&aligned(&rows), &res, &GlossaryOptions::default());
        let t = term(&terms, "小康社会");
        assert_eq!(t.en, "moderately prosperous society");
    }

    #[test]
    fn verb_phrases_are_told_from_noun_phrases() {
        let set = english(
            &[
                "We practice the core socialist values.",
                "The path of the people.",
            ],
            1,
        );
        let get = |p: &str| set.get(&phrase_key(p)).expect(p);
        assert!(verb_phrase(get("practice the core socialist values")));
        assert!(!verb_phrase(get("core socialist values")));
        assert!(!verb_phrase(get("path of the people")));
    }

    #[test]
    fn empty_and_hostile_inputs_do_not_panic() {
        let res = Resources {
            dictionary: None,
            glossary: Vec::new(),
            words: crate::lexicon::segmenter(true),
        };
        assert!(extract(&[], &res, &GlossaryOptions::default()).is_empty());
        let pairs = vec![
            AlignedPair::new(0, "", ""),
            AlignedPair::new(1, "《《》》《", "-- ' ’s"),
            AlignedPair::new(2, "\u{0}\t》《测试", "<script>"),
        ];
        let _ = extract(
            &pairs,
            &res,
            &GlossaryOptions {
                min_freq: 0,
                min_freq_supported: 0,
                top: Some(0),
                ..GlossaryOptions::default()
            },
        );
        let _ = extract(
            &pairs,
            &res,
            &GlossaryOptions {
                min_freq: 1,
                min_freq_supported: 1,
                top: None,
                ..GlossaryOptions::default()
            },
        );
    }
}
