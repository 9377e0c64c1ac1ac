//! Unit tests of the contrast maths and the accent derivation.

use super::*;

const DEFAULT_CSS: &str = include_str!("../../themes/default/static/css/handbook.css");

fn rgb(hex: &str) -> Rgb {
    Rgb::parse(hex).expect("a test colour")
}

fn hue_distance(a: f64, b: f64) -> f64 {
    let d = (a - b).rem_euclid(360.0);
    d.min(360.0 - d)
}

#[test]
fn parses_short_and_long_hex_and_rejects_the_rest() {
    assert_eq!(rgb("#16a").hex(), "#1166aa");
    assert_eq!(rgb("#1A6B5A").hex(), "#1a6b5a");
    for bad in ["16a", "#12", "#12345", "#ggg", "#1234567", "red", ""] {
        assert!(Rgb::parse(bad).is_none(), "{bad}");
    }
}

#[test]
fn contrast_matches_the_wcag_reference_values() {
    assert!((contrast(rgb("#000"), rgb("#fff")) - 21.0).abs() < 1e-9);
    assert!((contrast(rgb("#fff"), rgb("#fff")) - 1.0).abs() < 1e-9);
    // #767676 is the classic "just passes 4.5:1 on white" grey; #777777 just fails.
    assert!(contrast(rgb("#767676"), rgb("#fff")) >= 4.5);
    assert!(contrast(rgb("#777777"), rgb("#fff")) < 4.5);
    // Symmetric.
    assert_eq!(
        contrast(rgb("#0b57b0"), rgb("#f5f7fa")),
        contrast(rgb("#f5f7fa"), rgb("#0b57b0"))
    );
    // The theme's own link colour: about 6.9:1 on white.
    let c = contrast(rgb("#0b57b0"), rgb("#ffffff"));
    assert!((6.5..7.5).contains(&c), "{c}");
}

#[test]
fn oklch_round_trips_and_knows_its_reference_points() {
    for hex in [
        "#000000", "#ffffff", "#8b0000", "#fff3a0", "#1a6b5a", "#0b57b0", "#7f7f7f",
    ] {
        let c = rgb(hex);
        let back = c.to_oklch().to_rgb().expect("an sRGB colour is in gamut");
        assert_eq!(back.hex(), hex, "{hex}");
    }
    let white = rgb("#ffffff").to_oklch();
    assert!((white.l - 1.0).abs() < 1e-4 && white.c < 1e-4);
    let black = rgb("#000000").to_oklch();
    assert!(black.l.abs() < 1e-4);
    // Pure red: L 0.628, C 0.258, h 29.2 (Ottosson's reference values).
    let red = rgb("#ff0000").to_oklch();
    assert!((red.l - 0.628).abs() < 1e-3, "{red:?}");
    assert!((red.c - 0.258).abs() < 1e-3, "{red:?}");
    assert!((red.h - 29.23).abs() < 0.1, "{red:?}");
    // Out of gamut: very high chroma at mid lightness; mapping keeps lightness and hue.
    let wild = Oklch {
        l: 0.6,
        c: 0.5,
        h: 140.0,
    };
    assert!(wild.to_rgb().is_none());
    let mapped = wild.to_rgb_in_gamut().to_oklch();
    assert!((mapped.l - 0.6).abs() < 2e-3, "{mapped:?}");
    assert!(hue_distance(mapped.h, 140.0) < 1.0, "{mapped:?}");
}

#[test]
fn shade_keeps_an_accessible_accent_and_moves_only_lightness_otherwise() {
    let white = [Need {
        against: rgb("#ffffff"),
        ratio: TEXT_RATIO,
    }];
    assert_eq!(shade(rgb("#8b0000"), &white), Some(rgb("#8b0000")));
    let yellow = rgb("#fff3a0");
    let s = shade(yellow, &white).expect("a darker yellow exists");
    assert!(contrast(s, rgb("#ffffff")) >= TEXT_RATIO);
    // Nearest: a slightly lighter shade would fail.
    let (a, b) = (yellow.to_oklch(), s.to_oklch());
    let lighter = Oklch { l: b.l + 0.01, ..b }.to_rgb_in_gamut();
    assert!(contrast(lighter, rgb("#ffffff")) < TEXT_RATIO + 0.3);
    assert!(hue_distance(a.h, b.h) < 6.0, "{a:?} -> {b:?}");
    // On a dark page a dark red gets lighter, same hue.
    let dark = [Need {
        against: rgb("#121519"),
        ratio: TEXT_RATIO,
    }];
    let red = shade(rgb("#8b0000"), &dark).expect("a lighter red exists");
    assert!(contrast(red, rgb("#121519")) >= TEXT_RATIO);
    assert!(red.to_oklch().l > rgb("#8b0000").to_oklch().l);
    assert!(hue_distance(red.to_oklch().h, rgb("#8b0000").to_oklch().h) < 6.0);
}

#[test]
fn shade_is_none_when_no_lightness_serves_every_background() {
    // No colour reaches 4.5:1 on both a mid grey and a slightly darker one.
    let needs = [
        Need {
            against: rgb("#808080"),
            ratio: TEXT_RATIO,
        },
        Need {
            against: rgb("#606060"),
            ratio: TEXT_RATIO,
        },
    ];
    assert_eq!(shade(rgb("#8b0000"), &needs), None);
}

#[test]
fn the_default_theme_palettes_are_read() {
    let light = Palette::from_css(DEFAULT_CSS, "light").expect("light palette");
    let dark = Palette::from_css(DEFAULT_CSS, "dark").expect("dark palette");
    assert_eq!(light.get("bg"), Some(rgb("#ffffff")));
    assert_eq!(dark.get("bg"), Some(rgb("#121519")));
    assert!(light.get("note-bg").is_some() && dark.get("btn-fg").is_some());
    assert!(Palette::from_css("body { color: red }", "light").is_none());
}

fn check_scheme(s: &Scheme, palette: &Palette) {
    let mut surfaces: Vec<Rgb> = SURFACES.iter().filter_map(|k| palette.get(k)).collect();
    surfaces.push(s.current_bg);
    for bg in &surfaces {
        assert!(contrast(s.link, *bg) >= TEXT_RATIO, "link on {}", bg.hex());
        assert!(
            contrast(s.link_hover, *bg) >= TEXT_RATIO,
            "hover on {}",
            bg.hex()
        );
        assert!(contrast(s.ui, *bg) >= NON_TEXT_RATIO, "ui on {}", bg.hex());
    }
    assert!(contrast(s.btn_bg, s.btn_fg) >= TEXT_RATIO);
    assert!(contrast(s.link_hover, s.btn_fg) >= TEXT_RATIO);
    let page = palette.get("bg").expect("bg");
    assert!(contrast(s.btn_bg, page) >= NON_TEXT_RATIO);
    let fg = palette.get("fg").expect("fg");
    assert!(contrast(fg, s.current_bg) >= TEXT_RATIO);
}

#[test]
fn every_derived_colour_meets_wcag_in_both_schemes() {
    let light = Palette::from_css(DEFAULT_CSS, "light").expect("light");
    let dark = Palette::from_css(DEFAULT_CSS, "dark").expect("dark");
    for accent in [
        "#8b0000", "#fff3a0", "#1a6b5a", "#ffffff", "#000000", "#00ff00", "#ff00ff", "#777777",
        "#0000ff", "#ffa500",
    ] {
        let brand = Brand::derive(rgb(accent), DEFAULT_CSS).expect(accent);
        check_scheme(&brand.light, &light);
        check_scheme(&brand.dark, &dark);
    }
}

#[test]
fn a_dark_red_is_kept_in_light_and_shaded_in_dark_with_one_note() {
    let brand = Brand::derive(rgb("#8b0000"), DEFAULT_CSS).expect("usable");
    assert_eq!(brand.light.link, rgb("#8b0000"));
    assert_eq!(brand.light.btn_bg, rgb("#8b0000"));
    assert!(brand.light.adjusted.is_empty());
    assert_ne!(brand.dark.link, rgb("#8b0000"));
    let note = brand.note().expect("the dark scheme was adjusted");
    assert!(
        note.contains("#8b0000") && note.contains("dark scheme"),
        "{note}"
    );
    assert!(!note.contains("light scheme"), "{note}");
    let css = brand.css();
    for needle in [
        ":root {\n  --accent: #8b0000;\n}\n\n@media screen {\n  :root {\n    --link: #8b0000;",
        "@media (prefers-color-scheme: dark)",
        ":root:not([data-theme=\"light\"])",
        ":root[data-theme=\"dark\"] {",
        "--btn-fg: #ffffff;",
    ] {
        assert!(css.contains(needle), "{needle} in\n{css}");
    }
    assert!(!css.contains("style="));
}

#[test]
fn an_accessible_accent_gets_no_note() {
    // A mid blue-green that reaches 4.5:1 on the light surfaces and the dark ones? No single
    // colour does both, so take the theme's own link colours' neighbourhood per scheme instead:
    // the note lists only the schemes that changed.
    let brand = Brand::derive(rgb("#0b57b0"), DEFAULT_CSS).expect("usable");
    assert!(
        brand.light.adjusted.is_empty(),
        "{:?}",
        brand.light.adjusted
    );
    assert!(brand.note().is_some_and(|n| !n.contains("light scheme")));
}

#[test]
fn a_theme_without_room_for_an_accent_is_reported() {
    let css = "/* palette:light */\n--bg: #808080;\n--bg-soft: #606060;\n--fg: #000000;\n/* end palette */\n";
    let err = brand_css("#8b0000", css, 7).expect_err("no shade fits");
    assert_eq!(err.line, 7);
    assert!(err.is_error());
    assert!(
        err.message.contains("cannot be made accessible") && err.message.contains("light"),
        "{}",
        err.message
    );
}

#[test]
fn favicon_types_and_paths() {
    assert_eq!(favicon_type("icon.SVG"), Some("image/svg+xml"));
    assert_eq!(favicon_type("a/b.png"), Some("image/png"));
    assert_eq!(favicon_type("x.ico"), Some("image/x-icon"));
    assert_eq!(favicon_type("x.gif"), None);
    assert_eq!(
        favicon_link(""),
        ("assets/favicon.svg".to_string(), "image/svg+xml")
    );
    assert_eq!(
        favicon_link("branding/Icon.PNG"),
        ("assets/brand/favicon.png".to_string(), "image/png")
    );
}

#[test]
fn branding_files_must_be_inside_the_root() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path().join("hb");
    std::fs::create_dir_all(root.join("branding")).expect("mkdir");
    std::fs::write(root.join("branding/icon.svg"), "<svg/>").expect("write");
    std::fs::write(dir.path().join("outside.svg"), "<svg/>").expect("write");
    std::fs::write(
        root.join("handbook.toml"),
        "[branding]\nfavicon = \"../outside.svg\"\n",
    )
    .expect("write");
    assert!(read_inside_root(&root, "favicon", "branding/icon.svg").is_ok());
    let err = read_inside_root(&root, "favicon", "../outside.svg").expect_err("outside");
    assert_eq!(err.line, 2);
    assert!(
        err.message.contains("outside the handbook folder"),
        "{}",
        err.message
    );
    let abs = dir.path().join("outside.svg");
    let err = read_inside_root(&root, "favicon", &abs.to_string_lossy()).expect_err("absolute");
    assert!(err.message.contains("outside the handbook folder"));
    let err = read_inside_root(&root, "favicon", "missing.svg").expect_err("missing");
    assert!(
        err.message.contains("cannot read the favicon"),
        "{}",
        err.message
    );
}
