//! Agency branding: the `[branding] accent` colour becomes the theme's primary colour (links,
//! primary buttons, focus ring, current-page marker, progress bars) in the light and the dark
//! scheme, and the agency's logo and favicon files are read from inside the handbook root.
//!
//! Contrast is computed here, at build time, against the backgrounds the theme actually uses
//! (the `/* palette:light */` and `/* palette:dark */` blocks of its `css/handbook.css`): text
//! needs 4.5:1 and non-text marks 3:1 (WCAG 2.2 AA, 1.4.3 and 1.4.11). When the accent itself
//! falls short for a use, the nearest accessible shade of it is taken instead: the lightness
//! is moved in OKLCH (a perceptual space), the hue is kept, and the chroma is reduced only as
//! far as the sRGB gamut demands. The result is the generated stylesheet `assets/brand.css`
//! (custom properties only, so a strict Content-Security-Policy without inline styles works).

use crate::error::Diagnostic;
use std::path::Path;

/// Where the generated stylesheet is written, relative to the site root.
pub const BRAND_CSS: &str = "assets/brand.css";

/// WCAG 2.2 AA contrast for text (1.4.3).
pub const TEXT_RATIO: f64 = 4.5;
/// WCAG 2.2 AA contrast for user-interface components and graphics (1.4.11).
pub const NON_TEXT_RATIO: f64 = 3.0;

/// An sRGB colour, each channel 0..=1.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rgb {
    /// Red.
    pub r: f64,
    /// Green.
    pub g: f64,
    /// Blue.
    pub b: f64,
}

/// A colour in OKLCH: lightness 0..=1, chroma (0 = grey), hue in degrees.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Oklch {
    /// Perceptual lightness.
    pub l: f64,
    /// Chroma.
    pub c: f64,
    /// Hue angle in degrees.
    pub h: f64,
}

impl Rgb {
    /// Parses `#rgb` or `#rrggbb`.
    pub fn parse(hex: &str) -> Option<Rgb> {
        let h = hex.trim().strip_prefix('#')?;
        if !h.chars().all(|c| c.is_ascii_hexdigit()) {
            return None;
        }
        let digits: Vec<u8> = match h.len() {
            3 => h.bytes().flat_map(|b| [b, b]).collect(),
            6 => h.bytes().collect(),
            _ => return None,
        };
        let channel = |i: usize| {
            let s = std::str::from_utf8(&digits[i..i + 2]).ok()?;
            u8::from_str_radix(s, 16).ok().map(|v| f64::from(v) / 255.0)
        };
        Some(Rgb {
            r: channel(0)?,
            g: channel(2)?,
            b: channel(4)?,
        })
    }

    /// The colour as `#rrggbb` (lower case).
    pub fn hex(self) -> String {
        let q = |v: f64| (v.clamp(0.0, 1.0) * 255.0).round() as u8;
        format!("#{:02x}{:02x}{:02x}", q(self.r), q(self.g), q(self.b))
    }

    /// The colour rounded to what `#rrggbb` can hold.
    fn quantized(self) -> Rgb {
        Rgb::parse(&self.hex()).unwrap_or(self)
    }

    /// Relative luminance as WCAG defines it.
    pub fn luminance(self) -> f64 {
        0.2126 * linear(self.r) + 0.7152 * linear(self.g) + 0.0722 * linear(self.b)
    }

    /// The colour in OKLCH.
    pub fn to_oklch(self) -> Oklch {
        let (r, g, b) = (linear(self.r), linear(self.g), linear(self.b));
        let l = (0.412_221_470_8 * r + 0.536_332_536_3 * g + 0.051_445_992_9 * b).cbrt();
        let m = (0.211_903_498_2 * r + 0.680_699_545_1 * g + 0.107_396_956_6 * b).cbrt();
        let s = (0.088_302_461_9 * r + 0.281_718_837_6 * g + 0.629_978_700_5 * b).cbrt();
        let ok_l = 0.210_454_255_3 * l + 0.793_617_785 * m - 0.004_072_046_8 * s;
        let ok_a = 1.977_998_495_1 * l - 2.428_592_205 * m + 0.450_593_709_9 * s;
        let ok_b = 0.025_904_037_1 * l + 0.782_771_766_2 * m - 0.808_675_766 * s;
        Oklch {
            l: ok_l,
            c: ok_a.hypot(ok_b),
            h: ok_b.atan2(ok_a).to_degrees().rem_euclid(360.0),
        }
    }
}

impl Oklch {
    /// The colour in sRGB, or `None` when it lies outside the sRGB gamut.
    pub fn to_rgb(self) -> Option<Rgb> {
        let (a, b) = (
            self.c * self.h.to_radians().cos(),
            self.c * self.h.to_radians().sin(),
        );
        let l = (self.l + 0.396_337_777_4 * a + 0.215_803_757_3 * b).powi(3);
        let m = (self.l - 0.105_561_345_8 * a - 0.063_854_172_8 * b).powi(3);
        let s = (self.l - 0.089_484_177_5 * a - 1.291_485_548 * b).powi(3);
        let lin = [
            4.076_741_662_1 * l - 3.307_711_591_3 * m + 0.230_969_929_2 * s,
            -1.268_438_004_6 * l + 2.609_757_401_1 * m - 0.341_319_396_5 * s,
            -0.004_196_086_3 * l - 0.703_418_614_7 * m + 1.707_614_701 * s,
        ];
        const EPS: f64 = 1e-6;
        if lin.iter().any(|&v| !(-EPS..=1.0 + EPS).contains(&v)) {
            return None;
        }
        Some(Rgb {
            r: gamma(lin[0]),
            g: gamma(lin[1]),
            b: gamma(lin[2]),
        })
    }

    /// The colour in sRGB with this lightness and hue, its chroma reduced only as far as the
    /// gamut needs.
    pub fn to_rgb_in_gamut(self) -> Rgb {
        if let Some(rgb) = self.to_rgb() {
            return rgb;
        }
        let (mut lo, mut hi) = (0.0, self.c);
        for _ in 0..30 {
            let mid = (lo + hi) / 2.0;
            if (Oklch { c: mid, ..self }).to_rgb().is_some() {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        (Oklch { c: lo, ..self }).to_rgb().unwrap_or(Rgb {
            r: self.l.clamp(0.0, 1.0),
            g: self.l.clamp(0.0, 1.0),
            b: self.l.clamp(0.0, 1.0),
        })
    }
}

fn linear(v: f64) -> f64 {
    if v <= 0.04045 {
        v / 12.92
    } else {
        ((v + 0.055) / 1.055).powf(2.4)
    }
}

fn gamma(v: f64) -> f64 {
    let v = v.clamp(0.0, 1.0);
    if v <= 0.003_130_8 {
        12.92 * v
    } else {
        1.055 * v.powf(1.0 / 2.4) - 0.055
    }
}

/// The WCAG contrast ratio of two colours (1 to 21).
pub fn contrast(a: Rgb, b: Rgb) -> f64 {
    let (x, y) = (a.luminance(), b.luminance());
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}

/// One requirement on a derived colour: at least `ratio` against `against`.
#[derive(Debug, Clone, Copy)]
pub struct Need {
    /// The colour it is shown on or next to.
    pub against: Rgb,
    /// The minimum contrast ratio.
    pub ratio: f64,
}

fn meets(c: Rgb, needs: &[Need]) -> bool {
    needs.iter().all(|n| contrast(c, n.against) >= n.ratio)
}

/// The colour closest to `accent` in lightness, of the same hue, that meets every need: the
/// accent itself when it does, else the nearest lightness in OKLCH that does (rounded to
/// `#rrggbb` and checked after rounding). `None` when no lightness meets them all.
pub fn shade(accent: Rgb, needs: &[Need]) -> Option<Rgb> {
    if meets(accent.quantized(), needs) {
        return Some(accent.quantized());
    }
    let base = accent.to_oklch();
    const STEPS: i32 = 1000;
    (0..=STEPS)
        .map(|i| f64::from(i) / f64::from(STEPS))
        .map(|l| {
            (
                (l - base.l).abs(),
                Oklch { l, ..base }.to_rgb_in_gamut().quantized(),
            )
        })
        .filter(|(_, c)| meets(*c, needs))
        .min_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

/// The colours of one scheme of the theme that the accent is checked against, read from its
/// stylesheet.
#[derive(Debug, Clone)]
pub struct Palette {
    /// `light` or `dark`.
    pub name: &'static str,
    /// Every custom property of the palette block, by name without `--`.
    pub colours: Vec<(String, Rgb)>,
}

/// The surfaces links and controls appear on.
const SURFACES: [&str; 8] = [
    "bg",
    "bg-soft",
    "code-bg",
    "note-bg",
    "tip-bg",
    "important-bg",
    "warning-bg",
    "caution-bg",
];

impl Palette {
    /// Reads the block between `/* palette:NAME */` and `/* end palette */` of `css`.
    pub fn from_css(css: &str, name: &'static str) -> Option<Palette> {
        let start = css.find(&format!("/* palette:{name} */"))?;
        let block = &css[start..];
        let block = &block[..block.find("/* end palette */")?];
        let colours = block
            .lines()
            .filter_map(|line| {
                let (key, value) = line.trim().strip_prefix("--")?.split_once(':')?;
                let value = value.trim().trim_end_matches(';').trim();
                Some((key.trim().to_string(), Rgb::parse(value)?))
            })
            .collect::<Vec<_>>();
        colours
            .iter()
            .any(|(k, _)| k == "bg")
            .then_some(Palette { name, colours })
    }

    /// The colour `--key`, if the palette has it.
    pub fn get(&self, key: &str) -> Option<Rgb> {
        self.colours.iter().find(|(k, _)| k == key).map(|(_, c)| *c)
    }

    fn is_dark(&self) -> bool {
        self.get("bg").is_some_and(|bg| bg.luminance() < 0.18)
    }
}

/// The accent's colours for one scheme.
#[derive(Debug, Clone, PartialEq)]
pub struct Scheme {
    /// Links and link-coloured text (4.5:1 on every surface).
    pub link: Rgb,
    /// Links under the pointer; also the hover background of primary buttons.
    pub link_hover: Rgb,
    /// Focus ring, current-page marker, progress bars, checked controls (3:1 on every surface).
    pub ui: Rgb,
    /// Primary button background (4.5:1 with `btn_fg`, 3:1 against the page).
    pub btn_bg: Rgb,
    /// Primary button text (the theme's own).
    pub btn_fg: Rgb,
    /// The highlighted row of the current page: a tint of the accent.
    pub current_bg: Rgb,
    /// Uses for which a shade replaced the accent: (use, colour, ratio, against what).
    pub adjusted: Vec<String>,
}

/// Why the accent cannot be used.
#[derive(Debug, Clone, PartialEq)]
pub struct Unusable(pub String);

/// Derives the accent's colours for the scheme `palette`.
pub fn scheme(accent: Rgb, palette: &Palette) -> Result<Scheme, Unusable> {
    let dark = palette.is_dark();
    let fallback_bg = if dark {
        Rgb::parse("#121519")
    } else {
        Rgb::parse("#ffffff")
    };
    let bg = palette.get("bg").or(fallback_bg).unwrap_or(Rgb {
        r: 1.0,
        g: 1.0,
        b: 1.0,
    });
    let fg = palette.get("fg").unwrap_or(if dark {
        Rgb::parse("#e3e6ea").unwrap_or(bg)
    } else {
        Rgb::parse("#1a1d21").unwrap_or(bg)
    });
    let btn_fg = palette.get("btn-fg").unwrap_or(bg);
    let a = accent.to_oklch();
    // The current row: the theme's own tint (its lightness) in the accent's hue.
    let current_bg = match palette.get("current-bg") {
        Some(cur) => {
            let t = cur.to_oklch();
            let tint = Oklch {
                l: t.l,
                c: a.c.min(t.c.max(0.03)),
                h: a.h,
            };
            let c = tint.to_rgb_in_gamut().quantized();
            if contrast(c, fg) >= TEXT_RATIO {
                c
            } else {
                cur
            }
        }
        None => bg,
    };
    let mut surfaces: Vec<Rgb> = SURFACES.iter().filter_map(|k| palette.get(k)).collect();
    surfaces.push(current_bg);
    let on = |ratio: f64| -> Vec<Need> {
        surfaces
            .iter()
            .map(|&against| Need { against, ratio })
            .collect()
    };
    let scheme_name = palette.name;
    let fail = |what: &str, ratio: f64| {
        Unusable(format!(
            "no shade of the accent reaches {ratio}:1 for {what} on every background of the {scheme_name} scheme"
        ))
    };
    let link = shade(accent, &on(TEXT_RATIO)).ok_or_else(|| fail("link text", TEXT_RATIO))?;
    let ui = shade(accent, &on(NON_TEXT_RATIO))
        .ok_or_else(|| fail("the focus ring and marks", NON_TEXT_RATIO))?;
    // Hover: a step further from the page than the link, still readable, and under the
    // button text when it is a button's hover background.
    let mut hover_needs = on(TEXT_RATIO);
    hover_needs.push(Need {
        against: btn_fg,
        ratio: TEXT_RATIO,
    });
    let l = link.to_oklch();
    let step = if dark { 0.08 } else { -0.08 };
    let hover_try = Oklch {
        l: (l.l + step).clamp(0.0, 1.0),
        ..l
    }
    .to_rgb_in_gamut();
    let link_hover = shade(hover_try, &hover_needs)
        .or_else(|| shade(link, &hover_needs))
        .ok_or_else(|| fail("hovered links and buttons", TEXT_RATIO))?;
    let btn_needs = [
        Need {
            against: btn_fg,
            ratio: TEXT_RATIO,
        },
        Need {
            against: bg,
            ratio: NON_TEXT_RATIO,
        },
    ];
    let btn_bg = shade(accent, &btn_needs).ok_or_else(|| fail("buttons", TEXT_RATIO))?;
    let mut adjusted = Vec::new();
    let exact = accent.quantized();
    let mut say = |what: &str, c: Rgb, against: Rgb, against_name: &str| {
        if c != exact {
            adjusted.push(format!(
                "{what} {} ({:.1}:1 {against_name})",
                c.hex(),
                contrast(c, against)
            ));
        }
    };
    say("links", link, worst(link, &surfaces), "at worst");
    say("focus ring and marks", ui, worst(ui, &surfaces), "at worst");
    say("buttons", btn_bg, btn_fg, "with their text");
    Ok(Scheme {
        link,
        link_hover,
        ui,
        btn_bg,
        btn_fg,
        current_bg,
        adjusted,
    })
}

/// The surface `c` contrasts least with.
fn worst(c: Rgb, surfaces: &[Rgb]) -> Rgb {
    surfaces
        .iter()
        .copied()
        .min_by(|a, b| contrast(c, *a).total_cmp(&contrast(c, *b)))
        .unwrap_or(c)
}

/// The accent's colours for both schemes, and the generated stylesheet.
#[derive(Debug, Clone)]
pub struct Brand {
    /// The accent as configured (`#rrggbb`).
    pub accent: Rgb,
    /// The light scheme.
    pub light: Scheme,
    /// The dark scheme.
    pub dark: Scheme,
}

impl Brand {
    /// Derives the colours of `accent` against the palettes of `theme_css` (the theme's
    /// `css/handbook.css`); palettes missing from it are taken from the default theme.
    pub fn derive(accent: Rgb, theme_css: &str) -> Result<Brand, Unusable> {
        let default_css = include_str!("../themes/default/static/css/handbook.css");
        let palette = |name| {
            Palette::from_css(theme_css, name)
                .or_else(|| Palette::from_css(default_css, name))
                .ok_or_else(|| Unusable(format!("the theme has no {name} palette")))
        };
        Ok(Brand {
            accent,
            light: scheme(accent, &palette("light")?)?,
            dark: scheme(accent, &palette("dark")?)?,
        })
    }

    /// The one note saying which uses got a shade instead of the accent, if any.
    pub fn note(&self) -> Option<String> {
        let part = |name: &str, s: &Scheme| {
            (!s.adjusted.is_empty()).then(|| format!("{name} scheme: {}", s.adjusted.join(", ")))
        };
        let parts: Vec<String> = [part("light", &self.light), part("dark", &self.dark)]
            .into_iter()
            .flatten()
            .collect();
        (!parts.is_empty()).then(|| {
            format!(
                "the accent {} lacks contrast for some uses, so accessible shades of it are used there: {}",
                self.accent.hex(),
                parts.join("; ")
            )
        })
    }

    /// The generated stylesheet: the theme's colour tokens set from the accent, for the light
    /// scheme, the dark scheme by preference, and the dark scheme by choice (the same selectors
    /// as `handbook.css`, loaded after it), on screen; in print the theme's own print colours
    /// stay.
    pub fn css(&self) -> String {
        let block = |s: &Scheme, indent: &str| {
            let mut out = String::new();
            for (k, v) in [
                ("link", s.link),
                ("link-hover", s.link_hover),
                ("focus", s.ui),
                ("ui-accent", s.ui),
                ("btn-bg", s.btn_bg),
                ("btn-fg", s.btn_fg),
                ("current-bg", s.current_bg),
            ] {
                out.push_str(&format!("{indent}--{k}: {};\n", v.hex()));
            }
            out
        };
        format!(
            "/* Generated by handbook from [branding] accent = \"{accent}\": do not edit.\n   \
             Text colours reach {TEXT_RATIO}:1 and marks {NON_TEXT_RATIO}:1 on the theme's backgrounds (WCAG 2.2 AA).\n   \
             Screen only: print keeps the theme's print colours (black links). */\n\
             :root {{\n  --accent: {accent};\n}}\n\n\
             @media screen {{\n\
             \x20 :root {{\n{light}  }}\n\n\
             \x20 @media (prefers-color-scheme: dark) {{\n    :root:not([data-theme=\"light\"]) {{\n{dark_pref}    }}\n  }}\n\n\
             \x20 :root[data-theme=\"dark\"] {{\n{dark}  }}\n}}\n",
            accent = self.accent.hex(),
            light = block(&self.light, "    "),
            dark_pref = block(&self.dark, "      "),
            dark = block(&self.dark, "    "),
        )
    }
}

/// The brand stylesheet and its note for a handbook whose accent is `accent` (already checked
/// to be a hex colour by the configuration), against the theme stylesheet `theme_css`. The
/// diagnostics point at the `accent` line of `handbook.toml` (`line`).
pub fn brand_css(
    accent: &str,
    theme_css: &str,
    line: usize,
) -> Result<(String, Option<Diagnostic>), Diagnostic> {
    let config = crate::config::CONFIG_FILE;
    let rgb = Rgb::parse(accent).ok_or_else(|| {
        Diagnostic::error(
            config,
            line,
            format!("accent colour `{accent}` is not a hex colour"),
        )
        .with_hint("write it as \"#1a6b5a\" or \"#16a\"")
    })?;
    let brand = Brand::derive(rgb, theme_css).map_err(|Unusable(why)| {
        Diagnostic::error(
            config,
            line,
            format!("the accent `{accent}` cannot be made accessible: {why}"),
        )
        .with_hint("choose another accent colour, or give the theme backgrounds that leave room for one (see `palette:light` and `palette:dark` in its css/handbook.css)")
    })?;
    let note = brand.note().map(|n| {
        Diagnostic::note(config, line, n).with_hint(
            "nothing to do; to choose the shades yourself, set an accent that already has the contrast",
        )
    });
    Ok((brand.css(), note))
}

/// The file types a favicon may have, and their MIME types.
pub const FAVICON_TYPES: [(&str, &str); 3] = [
    ("svg", "image/svg+xml"),
    ("png", "image/png"),
    ("ico", "image/x-icon"),
];

/// The MIME type of a favicon file name, if it is one of [`FAVICON_TYPES`].
pub fn favicon_type(name: &str) -> Option<&'static str> {
    let ext = Path::new(name).extension()?.to_str()?.to_ascii_lowercase();
    FAVICON_TYPES
        .iter()
        .find(|(e, _)| *e == ext)
        .map(|(_, t)| *t)
}

/// Reads the branding file `value` (the `key` setting of `[branding]`), which must be a file
/// inside the handbook `root` (symbolic links are followed and must stay inside too).
pub fn read_inside_root(root: &Path, key: &str, value: &str) -> Result<Vec<u8>, Diagnostic> {
    let line = crate::config::key_line_in_file(root, key);
    let config = crate::config::CONFIG_FILE;
    let hint = format!(
        "give the {key}'s path relative to the handbook root, e.g. `{key} = \"branding/{key}.svg\"`, with the file inside the handbook folder"
    );
    let path = root.join(value);
    let (root_abs, file_abs) = match (root.canonicalize(), path.canonicalize()) {
        (Ok(r), Ok(f)) => (r, f),
        (_, Err(e)) => {
            return Err(Diagnostic::error(
                config,
                line,
                format!("cannot read the {key} `{value}`: {e}"),
            )
            .with_hint(hint));
        }
        (Err(e), _) => {
            return Err(Diagnostic::error(
                config,
                line,
                format!("cannot read the handbook folder: {e}"),
            ));
        }
    };
    if !file_abs.starts_with(&root_abs) {
        return Err(Diagnostic::error(
            config,
            line,
            format!("the {key} `{value}` is outside the handbook folder"),
        )
        .with_hint(hint));
    }
    if !file_abs.is_file() {
        return Err(
            Diagnostic::error(config, line, format!("the {key} `{value}` is not a file"))
                .with_hint(hint),
        );
    }
    std::fs::read(&file_abs).map_err(|e| {
        Diagnostic::error(
            config,
            line,
            format!("cannot read the {key} `{value}`: {e}"),
        )
        .with_hint(hint)
    })
}

/// Where the agency's favicon is written, relative to the site root, when one is set.
pub fn favicon_out_path(favicon: &str) -> Option<String> {
    let favicon = favicon.trim();
    if favicon.is_empty() {
        return None;
    }
    let ext = Path::new(favicon)
        .extension()?
        .to_str()?
        .to_ascii_lowercase();
    Some(format!("assets/brand/favicon.{ext}"))
}

/// The favicon every page links: the agency's (`[branding] favicon`) or the theme's
/// `static/favicon.svg`, as (path relative to the site root, MIME type).
pub fn favicon_link(favicon: &str) -> (String, &'static str) {
    match favicon_out_path(favicon) {
        Some(path) => {
            let mime = favicon_type(&path).unwrap_or("image/svg+xml");
            (path, mime)
        }
        None => ("assets/favicon.svg".to_string(), "image/svg+xml"),
    }
}

/// The branding files of a build (the brand stylesheet, the agency's logo and favicon, as
/// (output path, bytes)) and the diagnostics found making them: errors, and the note about an
/// adjusted accent. `logo_out` is where the logo goes; `theme_css` the theme's
/// `css/handbook.css`.
pub fn site_files(
    root: &Path,
    branding: &crate::config::Branding,
    logo_out: Option<String>,
    theme_css: &str,
) -> (Vec<(String, Vec<u8>)>, Vec<Diagnostic>) {
    let mut files = Vec::new();
    let mut diagnostics = Vec::new();
    let accent = branding.accent.trim();
    if !accent.is_empty() {
        let line = crate::config::key_line_in_file(root, "accent");
        match brand_css(accent, theme_css, line) {
            Ok((css, note)) => {
                files.push((BRAND_CSS.to_string(), css.into_bytes()));
                diagnostics.extend(note);
            }
            Err(e) => diagnostics.push(e),
        }
    }
    if let Some(out) = logo_out {
        match read_inside_root(root, "logo", branding.logo.trim()) {
            Ok(bytes) => files.push((out, bytes)),
            Err(e) => diagnostics.push(e),
        }
    }
    let favicon = branding.favicon.trim();
    if !favicon.is_empty() {
        match favicon_out_path(favicon).filter(|p| favicon_type(p).is_some()) {
            None => diagnostics.push(
                Diagnostic::error(
                    crate::config::CONFIG_FILE,
                    crate::config::key_line_in_file(root, "favicon"),
                    format!("the favicon `{favicon}` is not an .svg, .png or .ico file"),
                )
                .with_hint("browsers show these three: convert the icon, e.g. to a 32 x 32 px PNG"),
            ),
            Some(out) => match read_inside_root(root, "favicon", favicon) {
                Ok(bytes) => files.push((out, bytes)),
                Err(e) => diagnostics.push(e),
            },
        }
    }
    (files, diagnostics)
}

#[cfg(test)]
mod tests;
