//! The server's settings: defaults, then `unlsp.toml` at the workspace root,
//! then the editor's settings (`initializationOptions`, then
//! `workspace/configuration` section `unlsp`). Editor settings take the same
//! keys as `unlsp.toml` (`language`, `rules`, `exclude`, `debounceMs`,
//! `maxFileSize`, `silence`, `referenceFolders`); unknown keys are ignored so that an editor can
//! keep its own (`path`, `trace`) next to them.

use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use std::time::Duration;
use unlsp_analysis::project::ProjectConfig;
use unlsp_syntax::Lang;

pub(crate) const DEFAULT_DEBOUNCE_MS: u64 = 150;
/// Documents above this get structure only (no rules); files above it are not
/// indexed.
pub(crate) const DEFAULT_MAX_FILE_SIZE: u64 = 4 * 1024 * 1024;
/// Above this an open document is kept as text only (no parse at all).
pub(crate) const PARSE_LIMIT_FACTOR: u64 = 2;

#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Settings {
    pub(crate) project: ProjectConfig,
    pub(crate) root: Option<PathBuf>,
}

impl Settings {
    pub(crate) fn lang(&self) -> Option<Lang> {
        self.project
            .language
            .as_deref()
            .filter(|l| !l.eq_ignore_ascii_case("auto"))
            .and_then(Lang::from_code)
    }

    pub(crate) fn debounce(&self) -> Duration {
        Duration::from_millis(self.project.debounce_ms.unwrap_or(DEFAULT_DEBOUNCE_MS))
    }

    pub(crate) fn max_file_size(&self) -> u64 {
        self.project.max_file_size.unwrap_or(DEFAULT_MAX_FILE_SIZE)
    }

    pub(crate) fn parse_limit(&self) -> u64 {
        self.max_file_size().saturating_mul(PARSE_LIMIT_FACTOR)
    }

    /// Path relative to the root, `/`-separated (for `exclude` and `silence`).
    pub(crate) fn relative(&self, path: &Path) -> Option<String> {
        let root = self.root.as_ref()?;
        let rel = path.strip_prefix(root).ok()?;
        Some(rel.to_string_lossy().replace('\\', "/"))
    }

    /// The reference folders, absolute.
    pub(crate) fn reference_folders(&self) -> Vec<PathBuf> {
        self.project.reference_folders(self.root.as_deref())
    }

    pub(crate) fn rule_config(&self, path: Option<&Path>) -> unlsp_analysis::Config {
        let rel = path.and_then(|p| self.relative(p));
        self.project.rule_config(rel.as_deref())
    }
}

/// One server setting: the single source of its key, default and meaning, from
/// which the settings tables of `README.md`, `editors/README.md`, the VS Code
/// README and `package.json` are generated (`tests/readme.rs` holds them to it).
pub struct SettingDef {
    /// The editor's key (section `unlsp`), camelCase.
    pub key: &'static str,
    /// The same setting in `unlsp.toml` (also accepted from editors).
    pub(crate) toml_key: &'static str,
    /// The default, as JSON.
    pub(crate) default: fn() -> Value,
    /// The JSON schema of the value, without default and description.
    pub(crate) schema: fn() -> Value,
    /// What it does, in Markdown.
    pub(crate) meaning: &'static str,
}

pub const SETTINGS: &[SettingDef] = &[
    SettingDef {
        key: "language",
        toml_key: "language",
        default: || json!("auto"),
        schema: || {
            json!({"type": "string", "enum": ["auto", "en", "zh", "fr", "es", "ru", "ar"],
                   "enumDescriptions": ["Detect the language of each document from its text.",
                       "English", "Chinese", "French", "Spanish", "Russian", "Arabic"]})
        },
        meaning: "`auto` (detect it per document), `en`, `zh`, `fr`, `es`, `ru`, `ar`",
    },
    SettingDef {
        key: "rules",
        toml_key: "rules",
        default: || json!({}),
        schema: || {
            json!({"type": "object",
                   "additionalProperties": {"type": "string",
                       "enum": ["error", "warning", "information", "hint", "off"]},
                   "propertyNames": {"pattern": "^UN\\d{3}$"}})
        },
        meaning: "severity per rule id, over the defaults: `{\"UN010\": \"warning\", \"UN044\": \"off\"}` — `error`, `warning`, `information`, `hint`, `off` (`unlsp rules` lists the ids and which are on)",
    },
    SettingDef {
        key: "exclude",
        toml_key: "exclude",
        default: || json!([]),
        schema: || json!({"type": "array", "items": {"type": "string"}}),
        meaning: "globs of files the server ignores (no diagnostics, not indexed): `[\"archive/**\"]`",
    },
    SettingDef {
        key: "debounceMs",
        toml_key: "debounce_ms",
        default: || json!(DEFAULT_DEBOUNCE_MS),
        schema: || json!({"type": "number", "minimum": 0}),
        meaning: "milliseconds after the last edit before the document is checked again",
    },
    SettingDef {
        key: "maxFileSize",
        toml_key: "max_file_size",
        default: || json!(DEFAULT_MAX_FILE_SIZE),
        schema: || json!({"type": "number", "minimum": 0}),
        meaning: "documents larger than this many bytes get outline and navigation but no rules, with a notice saying so; above twice this size they are kept as plain text; workspace files above it are not indexed",
    },
    SettingDef {
        key: "referenceFolders",
        toml_key: "reference_folders",
        default: || json!([]),
        schema: || json!({"type": "array", "items": {"type": "string"}}),
        meaning: "folders of earlier resolutions to cite from (go to definition, hover, completion)",
    },
];

/// The settings as a Markdown table; `prefix` before each key (`unlsp.` in
/// VS Code).
pub fn settings_table(prefix: &str) -> String {
    let mut s = String::from("| key | default | meaning |\n|---|---|---|\n");
    for d in SETTINGS {
        s.push_str(&format!(
            "| `{prefix}{}` | `{}` | {} |\n",
            d.key,
            (d.default)(),
            d.meaning
        ));
    }
    s
}

/// The settings as VS Code `contributes.configuration.properties`.
pub fn vscode_properties() -> serde_json::Map<String, Value> {
    SETTINGS
        .iter()
        .map(|d| {
            let mut v = (d.schema)();
            v["default"] = (d.default)();
            v["scope"] = json!("resource");
            let mut m = d.meaning.to_string();
            if let Some(c) = m.get(..1) {
                m.replace_range(..1, &c.to_uppercase());
            }
            v["markdownDescription"] = json!(format!("{m}."));
            (format!("unlsp.{}", d.key), v)
        })
        .collect()
}

/// Overlay editor settings (a JSON object, possibly wrapped in `{"unlsp": …}`)
/// on `base`. Returns an error message for a value of the wrong shape; the
/// other keys still apply.
pub(crate) fn overlay(base: &mut ProjectConfig, v: &Value) -> Result<(), String> {
    let v = match v.get("unlsp") {
        Some(inner) if inner.is_object() => inner,
        _ => v,
    };
    let Some(obj) = v.as_object() else {
        return Ok(());
    };
    let mut errors = Vec::new();
    // each editor key, its `unlsp.toml` spelling too, and `silence` (a
    // project-file entry per file, taken from editors in the same shape)
    let keys = SETTINGS
        .iter()
        .flat_map(|d| {
            let toml = (d.key != d.toml_key).then_some((d.toml_key, d.toml_key));
            std::iter::once((d.key, d.toml_key)).chain(toml)
        })
        .chain([("silence", "silence")]);
    for (from, to) in keys {
        let Some(val) = obj.get(from) else { continue };
        if val.is_null() {
            continue;
        }
        let one = serde_json::json!({ to: val });
        match serde_json::from_value::<ProjectConfig>(one) {
            Ok(p) => match to {
                "language" => base.language = p.language,
                "rules" => {
                    for (id, sev) in p.rules {
                        let ok = unlsp_analysis::rule(&id).is_some()
                            && (sev == "off" || unlsp_analysis::Severity::parse(&sev).is_some());
                        if ok {
                            base.rules.insert(id, sev);
                        } else {
                            errors.push(format!("settings: rule `{id}` = `{sev}` ignored"));
                        }
                    }
                }
                "exclude" => base.exclude = p.exclude,
                "debounce_ms" => base.debounce_ms = p.debounce_ms,
                "max_file_size" => base.max_file_size = p.max_file_size,
                "silence" => base.silence.extend(p.silence),
                "reference_folders" => base.reference_folders = p.reference_folders,
                _ => {}
            },
            Err(e) => errors.push(format!("settings: `{from}`: {e}")),
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors.join("; "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn editor_settings_overlay_the_project_file() {
        let mut p = ProjectConfig::parse("debounce_ms = 300\n[rules]\nUN010 = \"off\"\n").unwrap();
        overlay(
            &mut p,
            &serde_json::json!({"unlsp": {"debounceMs": 0, "rules": {"UN006": "hint"}, "path": "/x"}}),
        )
        .unwrap();
        assert_eq!(p.debounce_ms, Some(0));
        assert_eq!(p.rules["UN010"], "off");
        assert_eq!(p.rules["UN006"], "hint");
        let e = overlay(&mut p, &serde_json::json!({"debounceMs": "soon"})).unwrap_err();
        assert!(e.contains("debounceMs"), "{e}");
        assert_eq!(p.debounce_ms, Some(0));
        overlay(&mut p, &serde_json::json!({"referenceFolders": ["~/refs"]})).unwrap();
        assert_eq!(p.reference_folders, vec!["~/refs".to_string()]);
    }
}
