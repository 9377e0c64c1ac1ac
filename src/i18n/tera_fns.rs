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
