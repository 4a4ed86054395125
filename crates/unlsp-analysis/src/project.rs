//! `unlsp.toml`, the project file read by both the CLI and the server. Parsing
//! only (no I/O): the callers read the file. An invalid file gives a message
//! naming the line, and the callers go on with defaults.

use crate::Severity;
use crate::config::{Config, Silence};
use serde::Deserialize;
use std::collections::HashMap;

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProjectConfig {
    /// `auto` or a language code.
    #[serde(default)]
    pub language: Option<String>,
    /// Globs (relative to the project root) of files not to check.
    #[serde(default)]
    pub exclude: Vec<String>,
    /// Rule id → `error` | `warning` | `information` | `hint` | `off`.
    #[serde(default)]
    pub rules: HashMap<String, String>,
    /// Delay before diagnostics are computed after an edit (server).
    #[serde(default, alias = "debounceMs")]
    pub debounce_ms: Option<u64>,
    /// Documents larger than this get structure only (server), in bytes.
    #[serde(default, alias = "maxFileSize")]
    pub max_file_size: Option<u64>,
    /// Silence one rule in one file, optionally for one paragraph.
    #[serde(default)]
    pub silence: Vec<SilenceEntry>,
    /// Folders of earlier resolutions to cite from (relative to the project
    /// root or absolute, `~` expanded), indexed read-only and cached on disk.
    #[serde(default, alias = "referenceFolders")]
    pub reference_folders: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SilenceEntry {
    pub file: String,
    pub rule: String,
    #[serde(default)]
    pub paragraph: Option<String>,
}

impl ProjectConfig {
    pub fn parse(src: &str) -> Result<ProjectConfig, String> {
        let cfg: ProjectConfig = toml::from_str(src).map_err(|e| {
            let line = e
                .span()
                .map(|s| src[..s.start.min(src.len())].lines().count().max(1));
            match line {
                Some(l) => format!("unlsp.toml line {l}: {}", e.message()),
                None => format!("unlsp.toml: {}", e.message()),
            }
        })?;
        for (id, sev) in &cfg.rules {
            if crate::rule(id).is_none() {
                return Err(format!("unlsp.toml: unknown rule `{id}` in [rules]"));
            }
            if sev != "off" && Severity::parse(sev).is_none() {
                return Err(format!(
                    "unlsp.toml: rule {id}: `{sev}` is not error, warning, information, hint or off"
                ));
            }
        }
        Ok(cfg)
    }

    /// The rule configuration for one file (`rel_path` relative to the root).
    pub fn rule_config(&self, rel_path: Option<&str>) -> Config {
        let mut c = Config::default();
        for (id, sev) in &self.rules {
            let id = crate::rule(id)
                .map(|r| r.id.to_string())
                .unwrap_or(id.clone());
            c.overrides.insert(id, Severity::parse(sev));
        }
        if let Some(p) = rel_path {
            for s in &self.silence {
                let matches = globset::Glob::new(&s.file)
                    .map(|g| g.compile_matcher().is_match(p))
                    .unwrap_or(false)
                    || s.file == p;
                if matches {
                    c.silenced.push(Silence {
                        rule: s.rule.clone(),
                        paragraph: s.paragraph.clone(),
                    });
                }
            }
        }
        c
    }

    /// The reference folders as absolute paths (`root`: the project root).
    pub fn reference_folders(&self, root: Option<&std::path::Path>) -> Vec<std::path::PathBuf> {
        let mut v: Vec<std::path::PathBuf> = Vec::new();
        for f in &self.reference_folders {
            let p = unlsp_index::reference::resolve_folder(f, root);
            if !v.contains(&p) {
                v.push(p);
            }
        }
        v
    }

    pub fn is_excluded(&self, rel_path: &str) -> bool {
        self.exclude.iter().any(|g| {
            globset::Glob::new(g)
                .map(|g| g.compile_matcher().is_match(rel_path))
                .unwrap_or(false)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_toml_names_the_line() {
        let e = ProjectConfig::parse("language = \"en\"\n[rules]\nUN010 = warning\n").unwrap_err();
        assert!(e.contains("line 3"), "{e}");
    }

    #[test]
    fn severities_and_silences() {
        let p = ProjectConfig::parse("[rules]\nUN010 = \"off\"\nUN006 = \"error\"\n[[silence]]\nfile = \"drafts/*.txt\"\nrule = \"UN008\"\n").unwrap();
        let c = p.rule_config(Some("drafts/a.txt"));
        assert_eq!(c.overrides["UN010"], None);
        assert_eq!(c.overrides["UN006"], Some(Severity::Error));
        assert_eq!(c.silenced.len(), 1);
        assert!(ProjectConfig::parse("[rules]\nUN999 = \"off\"\n").is_err());
    }

    #[test]
    fn reference_folders_resolve_against_the_root() {
        let p =
            ProjectConfig::parse("reference_folders = [\"refs\", \"/abs/x\", \"refs\"]\n").unwrap();
        let v = p.reference_folders(Some(std::path::Path::new("/proj")));
        assert_eq!(
            v,
            vec![
                std::path::PathBuf::from("/proj/refs"),
                std::path::PathBuf::from("/abs/x")
            ]
        );
        assert!(ProjectConfig::parse("reference_folder = [\"x\"]\n").is_err());
    }
}
