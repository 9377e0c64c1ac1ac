//! The catalogue in templates: the function `t(key="search.no_results", count=3, name="x")`
//! (the text of a key, the plural form for `count`, placeholders from the other arguments) and
//! the filter `num(digits=2)` (a number in the language's separators), registered on every Tera
//! a theme renders with.

use super::Catalog;
use std::collections::HashMap;
use std::sync::Arc;
use tera::{Tera, Value};

/// Digits after the decimal separator `num` keeps when not told (`num(digits=1)`).
pub const DEFAULT_DIGITS: usize = 2;

/// Registers `t` and `num` on `tera`, reading `catalog`.
pub fn register(tera: &mut Tera, catalog: Arc<Catalog>) {
    let for_t = Arc::clone(&catalog);
    tera.register_function("t", move |args: &HashMap<String, Value>| {
        translate(&for_t, args)
    });
    tera.register_filter(
        "num",
        move |value: &Value, args: &HashMap<String, Value>| {
            let Some(x) = value.as_f64() else {
                return Err(tera::Error::msg(format!(
                    "filter `num`: expected a number, got {value}"
                )));
            };
            let digits = match args.get("digits") {
                None => DEFAULT_DIGITS,
                Some(d) => d.as_u64().map(|d| d as usize).ok_or_else(|| {
                    tera::Error::msg("filter `num`: `digits` must be a whole number")
                })?,
            };
            Ok(Value::String(catalog.number(x, digits)))
        },
    );
}

/// The function `t`.
fn translate(catalog: &Catalog, args: &HashMap<String, Value>) -> tera::Result<Value> {
    let Some(key) = args.get("key").and_then(Value::as_str) else {
        return Err(tera::Error::msg(
            "function `t`: give the string's key, as in t(key=\"page.skip_link\")",
        ));
    };
    let count = match args.get("count") {
        None | Some(Value::Null) => None,
        Some(v) => Some(v.as_f64().ok_or_else(|| {
            tera::Error::msg(format!("function `t` ({key}): `count` must be a number"))
        })?),
    };
    let params: Vec<(String, String)> = args
        .iter()
        .filter(|(name, _)| !matches!(name.as_str(), "key" | "count"))
        .map(|(name, v)| (name.clone(), param_text(catalog, v)))
        .collect();
    let borrowed: Vec<(&str, &str)> = params
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    catalog
        .try_text(key, count, &borrowed)
        .map(Value::String)
        .map_err(|e| tera::Error::msg(format!("function `t`: {e}")))
}

/// A parameter as text: numbers in the language's separators.
fn param_text(catalog: &Catalog, value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Number(n) => n
            .as_f64()
            .map_or_else(|| n.to_string(), |x| catalog.number(x, DEFAULT_DIGITS)),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(catalog: Catalog, template: &str) -> Result<String, String> {
        let mut tera = Tera::default();
        tera.add_raw_template("x.html", template)
            .map_err(|e| e.to_string())?;
        register(&mut tera, Arc::new(catalog));
        tera.render("x.html", &tera::Context::new())
            .map_err(|e| crate::error::chain(&e))
    }

    fn spanish() -> Catalog {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("i18n")).unwrap();
        std::fs::write(
            dir.path().join("i18n/es.toml"),
            "[meta]\ndecimal_separator = \",\"\nthousands_separator = \".\"\n[search]\nresults = { one = \"{count} resultado.\", other = \"{count} resultados.\" }\nno_results = \"Nada para «{query}».\"\n",
        )
        .unwrap();
        Catalog::load(dir.path(), "es").unwrap()
    }

    #[test]
    fn t_fills_placeholders_and_picks_plural_forms() {
        let out = render(
            spanish(),
            r#"{{ t(key="search.results", count=1) }}|{{ t(key="search.results", count=2.5) }}|{{ t(key="search.no_results", query="a<b") }}"#,
        )
        .unwrap();
        // The text is escaped like any other value of an `.html` template.
        assert_eq!(out, "1 resultado.|2,5 resultados.|Nada para «a&lt;b».");
    }

    #[test]
    fn num_uses_the_decimal_separator() {
        let out = render(
            spanish(),
            "{{ 36.54 | num(digits=1) }} {{ 7 | num }} {{ 12345.678 | num }}",
        )
        .unwrap();
        assert_eq!(out, "36,5 7 12.345,68");
        let e = render(spanish(), r#"{{ "x" | num }}"#).unwrap_err();
        assert!(e.contains("expected a number"), "{e}");
    }

    #[test]
    fn template_mistakes_are_named() {
        let e = render(
            Catalog::english().clone(),
            r#"{{ t(key="page.skip_lnk") }}"#,
        )
        .unwrap_err();
        assert!(
            e.contains("unknown interface string `page.skip_lnk` (did you mean `page.skip_link`?)"),
            "{e}"
        );
        let e = render(
            Catalog::english().clone(),
            r#"{{ t(key="search.results") }}"#,
        )
        .unwrap_err();
        assert!(e.contains("give it `count`"), "{e}");
        let e = render(
            Catalog::english().clone(),
            r#"{{ t(key="search.no_results") }}"#,
        )
        .unwrap_err();
        assert!(e.contains("`{query}`"), "{e}");
        let e = render(Catalog::english().clone(), "{{ t() }}").unwrap_err();
        assert!(e.contains("give the string's key"), "{e}");
    }
}
