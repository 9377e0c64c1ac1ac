//! The starters `handbook new --language` can write, one per language, and the choice of one
//! from a BCP 47 tag (`es`, `es-MX`, `nb-NO`).
//!
//! Each starter has the same pages, components and settings as the English one, written in its
//! language; the source files are `src/scaffold/LANG/*`, written under localised folder and
//! file names.

/// One starter handbook: its language and its files.
#[derive(Debug)]
pub struct Starter {
    /// The primary language subtag (`es`).
    pub language: &'static str,
    /// The language's own name (`español`), for lists of the available starters.
    pub name: &'static str,
    /// The files: path relative to the new folder, and contents.
    pub files: &'static [(&'static str, &'static str)],
}

/// The files of one starter from `src/scaffold/DIR/`: chapter folder, assignments folder,
/// then each output file name and its source.
macro_rules! starter_files {
    ($dir:literal, $chapter:literal, $assignments:literal,
     $first:literal, $second:literal, $check:literal, $form:literal, $week:literal,
     $about:literal) => {
        &[
            (
                "handbook.toml",
                include_str!(concat!($dir, "/handbook.toml")),
            ),
            ("content/_index.md", include_str!(concat!($dir, "/home.md"))),
            (
                concat!("content/", $chapter, "/_index.md"),
                include_str!(concat!($dir, "/chapter.md")),
            ),
            (
                concat!("content/", $chapter, "/", $first),
                include_str!(concat!($dir, "/first-page.md")),
            ),
            (
                concat!("content/", $chapter, "/", $second),
                include_str!(concat!($dir, "/second-page.md")),
            ),
            (
                concat!("content/", $chapter, "/", $check),
                include_str!(concat!($dir, "/self-check.md")),
            ),
            (
                concat!("content/", $chapter, "/", $form),
                include_str!(concat!($dir, "/practice-form.md")),
            ),
            (
                concat!("content/", $assignments, "/_index.md"),
                include_str!(concat!($dir, "/assignments-chapter.md")),
            ),
            (
                concat!("content/", $assignments, "/", $week),
                include_str!(concat!($dir, "/assignment.md")),
            ),
            (
                concat!("content/", $chapter, "/diagram.svg"),
                include_str!(concat!($dir, "/diagram.svg")),
            ),
            (
                concat!("content/", $about),
                include_str!(concat!($dir, "/about.md")),
            ),
        ]
    };
}

/// Every starter, English first, then by language subtag.
pub const STARTERS: &[Starter] = &[
    Starter {
        language: "en",
        name: "English",
        files: starter_files!(
            "en",
            "01-getting-started",
            "02-assignments",
            "01-first-page.md",
            "02-second-page.md",
            "03-self-check.md",
            "04-practice-form.md",
            "01-week-1.md",
            "03-about.md"
        ),
    },
    Starter {
        language: "ar",
        name: "العربية",
        files: starter_files!(
            "ar",
            "01-albidaya",
            "02-altakalif",
            "01-alsafha-alula.md",
            "02-alsafha-althaniya.md",
            "03-ikhtibar-dhati.md",
            "04-namudhaj-altadrib.md",
            "01-alusbu-1.md",
            "03-hawl-alqalib.md"
        ),
    },
    Starter {
        language: "de",
        name: "Deutsch",
        files: starter_files!(
            "de",
            "01-erste-schritte",
            "02-aufgaben",
            "01-erste-seite.md",
            "02-zweite-seite.md",
            "03-selbsttest.md",
            "04-uebungsbogen.md",
            "01-woche-1.md",
            "03-ueber-diese-vorlage.md"
        ),
    },
    Starter {
        language: "es",
        name: "español",
        files: starter_files!(
            "es",
            "01-primeros-pasos",
            "02-tareas",
            "01-primera-pagina.md",
            "02-segunda-pagina.md",
            "03-autoevaluacion.md",
            "04-formulario-de-practica.md",
            "01-semana-1.md",
            "03-acerca-de-esta-plantilla.md"
        ),
    },
    Starter {
        language: "fr",
        name: "français",
        files: starter_files!(
            "fr",
            "01-premiers-pas",
            "02-travaux",
            "01-premiere-page.md",
            "02-deuxieme-page.md",
            "03-auto-evaluation.md",
            "04-formulaire-d-entrainement.md",
            "01-semaine-1.md",
            "03-a-propos-du-modele.md"
        ),
    },
    Starter {
        language: "nb",
        name: "norsk bokmål",
        files: starter_files!(
            "nb",
            "01-kom-i-gang",
            "02-oppgaver",
            "01-forste-side.md",
            "02-andre-side.md",
            "03-egentest.md",
            "04-ovingsskjema.md",
            "01-uke-1.md",
            "03-om-startprosjektet.md"
        ),
    },
    Starter {
        language: "nl",
        name: "Nederlands",
        files: starter_files!(
            "nl",
            "01-aan-de-slag",
            "02-opdrachten",
            "01-eerste-pagina.md",
            "02-tweede-pagina.md",
            "03-zelftoets.md",
            "04-oefenformulier.md",
            "01-week-1.md",
            "03-over-dit-startproject.md"
        ),
    },
];

/// The starter for a BCP 47 tag, chosen by its primary subtag (`es-MX` gets the Spanish
/// starter), and the tag written the usual way (`es-mx` -> `es-MX`, `es_MX` -> `es-MX`) for
/// `language` in `handbook.toml`. The error says what is wrong and lists the starters.
pub fn choose(tag: &str) -> Result<(&'static Starter, String), String> {
    let tag = normalise(tag.trim()).ok_or_else(|| {
        format!(
            "\"{tag}\" is not a language tag; write one such as \"es\" or \"es-MX\". \
             Starters: {}",
            available()
        )
    })?;
    let primary = crate::config::primary_subtag(&tag);
    match STARTERS.iter().find(|s| s.language == primary) {
        Some(starter) => Ok((starter, tag)),
        None => Err(format!(
            "there is no starter in \"{tag}\"{}. Starters: {}. To write a handbook in \
             another language, start from one of them and set language = \"{tag}\" in \
             handbook.toml",
            if primary == "no" || primary == "nn" {
                "; for Norwegian Bokmål use \"nb\""
            } else {
                ""
            },
            available()
        )),
    }
}

/// `de (Deutsch), en (English), ...`: the starters, by subtag.
pub fn available() -> String {
    let mut list: Vec<String> = STARTERS
        .iter()
        .map(|s| format!("{} ({})", s.language, s.name))
        .collect();
    list.sort();
    list.join(", ")
}

/// A BCP 47 tag in its usual case (language lower, script title, region upper), `_` read as
/// `-`; `None` unless it is a tag by [`crate::config::is_language_tag`], the rule
/// `handbook.toml`'s `language` is held to.
fn normalise(tag: &str) -> Option<String> {
    if !crate::config::is_language_tag(tag) {
        return None;
    }
    let mut subtags = tag.split(['-', '_']);
    let mut out = vec![subtags.next()?.to_ascii_lowercase()];
    for sub in subtags {
        let alpha = sub.chars().all(|c| c.is_ascii_alphabetic());
        out.push(match sub.len() {
            2 if alpha => sub.to_ascii_uppercase(),
            4 if alpha => {
                let lower = sub.to_ascii_lowercase();
                lower[..1].to_ascii_uppercase() + &lower[1..]
            }
            _ => sub.to_ascii_lowercase(),
        });
    }
    Some(out.join("-"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_choose_by_their_language() {
        let lang = |t: &str| choose(t).map(|(s, tag)| (s.language, tag));
        assert_eq!(lang("es"), Ok(("es", "es".into())));
        assert_eq!(lang("ES-mx"), Ok(("es", "es-MX".into())));
        assert_eq!(lang("nb_NO"), Ok(("nb", "nb-NO".into())));
        let e = choose("sr-latn-rs").unwrap_err();
        assert!(e.contains("no starter in \"sr-Latn-RS\""), "{e}");
        assert_eq!(lang(" de "), Ok(("de", "de".into())));
    }

    #[test]
    fn unknown_and_malformed_tags_list_the_starters() {
        let e = choose("pt-BR").unwrap_err();
        assert!(e.contains("no starter in \"pt-BR\""), "{e}");
        assert!(
            e.contains("de (Deutsch), en (English), es (español)"),
            "{e}"
        );
        assert!(e.contains("language = \"pt-BR\""), "{e}");
        assert!(choose("no").unwrap_err().contains("use \"nb\""));
        for bad in [
            "",
            "e",
            "español",
            "es--MX",
            "es-",
            "12",
            "es-toolongtag",
            "../es",
        ] {
            let e = choose(bad).unwrap_err();
            assert!(e.contains("is not a language tag"), "{bad}: {e}");
        }
    }

    #[test]
    fn every_starter_has_the_same_files_and_its_language() {
        for s in STARTERS {
            assert_eq!(s.files.len(), STARTERS[0].files.len(), "{}", s.language);
            assert_eq!(s.files[0].0, "handbook.toml");
            let line = format!("language = \"{}\"", s.language);
            assert!(s.files[0].1.contains(&line), "{}", s.language);
            // Folder and file names stay ASCII, so every file system and URL takes them.
            for (path, _) in s.files {
                assert!(path.is_ascii(), "{path}");
            }
        }
    }
}
