//! A JavaScript value read into the core's loose tree, as JSON would carry
//! it: null and undefined as null, numbers (whole ones as integers; NaN and
//! Infinity kept, for the core to refuse beside their field), text, arrays,
//! and plain objects by their own enumerable keys. Anything else (a
//! function, a symbol, a BigInt, a Map or another iterable object) is
//! refused, and so is nesting past the core's depth: a cycle is refused, not
//! followed.

use std::collections::BTreeMap;

use js_sys::{Array, ArrayBuffer, Object, Reflect, Symbol};
use wasm_bindgen::{JsCast, JsValue};

use khanaen::raw::{whole, Raw, MAX_DEPTH, TOO_DEEP};

/// Why a value could not be read: the core's depth text, or the kind it is.
pub fn read(value: &JsValue) -> Result<Raw, String> {
    read_at(value, 1)
}

fn read_at(value: &JsValue, depth: usize) -> Result<Raw, String> {
    if value.is_null() || value.is_undefined() {
        return Ok(Raw::Null);
    }
    if let Some(b) = value.as_bool() {
        return Ok(Raw::Bool(b));
    }
    if let Some(f) = value.as_f64() {
        return Ok(whole(f).map_or(Raw::Float(f), Raw::Int));
    }
    if let Some(text) = value.as_string() {
        return Ok(Raw::Text(text));
    }
    // As with JSON text, a list or an object may not stand at the last level.
    let inner = || match depth < MAX_DEPTH {
        true => Ok(depth + 1),
        false => Err(TOO_DEEP.to_owned()),
    };
    if Array::is_array(value) {
        let inner = inner()?;
        let items: &Array = value.unchecked_ref();
        return items
            .iter()
            .map(|item| read_at(&item, inner))
            .collect::<Result<_, _>>()
            .map(Raw::List);
    }
    // Bytes are no JSON value (serde-wasm-bindgen refused them too).
    let bytes = value.is_instance_of::<ArrayBuffer>() || ArrayBuffer::is_view(value);
    let iterable = Reflect::has(value, &Symbol::iterator()).unwrap_or(true);
    if value.is_object() && !iterable && !bytes {
        let inner = inner()?;
        let mut map = BTreeMap::new();
        for entry in Object::entries(value.unchecked_ref()).iter() {
            let entry: Array = entry.unchecked_into();
            let key = entry.get(0).as_string().unwrap_or_default();
            map.insert(key, read_at(&entry.get(1), inner)?);
        }
        return Ok(Raw::Map(map));
    }
    Err(format!("{} is not a JSON value", kind_of(value)))
}

fn kind_of(value: &JsValue) -> String {
    if value.is_function() {
        "a function".into()
    } else if value.is_symbol() {
        "a symbol".into()
    } else if value.is_bigint() {
        "a BigInt".into()
    } else if value.is_instance_of::<ArrayBuffer>() || ArrayBuffer::is_view(value) {
        "bytes".into()
    } else {
        "an iterable object (a Map, a Set…)".into()
    }
}
