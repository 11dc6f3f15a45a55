//! Model lookup order: `--model PATH|NAME`, `BARRAISER_MODEL`, `./models/`, then
//! `<data dir>/models/`. One test, because it changes the process's directory and
//! environment.

use std::path::{Path, PathBuf};

use barraiser::speech::models::resolve_model;

use crate::common::{EnvVar, WorkingDir};

fn touch(path: &Path) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, b"model").unwrap();
}

#[test]
fn lookup_order() {
    let cwd = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let _cwd = WorkingDir::enter(cwd.path());
    let _model = EnvVar::unset("BARRAISER_MODEL");
    let data_model = data.path().join("models/ggml-tiny.en-q8_0.bin");

    let err = resolve_model(None, None, data.path()).unwrap_err().to_string();
    assert!(err.contains("speech model tiny.en-q8_0 not found"), "{err}");
    assert!(err.contains("run `barraiser model fetch tiny.en-q8_0`"), "{err}");

    // An older install with the f16 model alone keeps working.
    let f16 = data.path().join("models/ggml-tiny.en.bin");
    touch(&f16);
    assert_eq!(resolve_model(None, None, data.path()).unwrap(), f16);

    touch(&data_model);
    assert_eq!(resolve_model(None, None, data.path()).unwrap(), data_model);

    touch(Path::new("models/ggml-tiny.en-q8_0.bin"));
    assert_eq!(
        resolve_model(None, None, data.path()).unwrap(),
        PathBuf::from("models/ggml-tiny.en-q8_0.bin")
    );
    touch(Path::new("models/ggml-tiny.en.bin"));

    std::env::set_var("BARRAISER_MODEL", "base");
    let err = resolve_model(None, None, data.path()).unwrap_err().to_string();
    assert!(err.contains("run `barraiser model fetch base`"), "{err}");
    touch(&data.path().join("models/ggml-base.bin"));
    assert_eq!(
        resolve_model(None, None, data.path()).unwrap(),
        data.path().join("models/ggml-base.bin")
    );

    let own = cwd.path().join("my-model.bin");
    touch(&own);
    std::env::set_var("BARRAISER_MODEL", &own);
    assert_eq!(resolve_model(None, None, data.path()).unwrap(), own);

    // --model wins over the environment, by name or by path.
    assert_eq!(
        resolve_model(Some("tiny.en"), None, data.path()).unwrap(),
        PathBuf::from("models/ggml-tiny.en.bin")
    );
    let err = resolve_model(Some("/missing/x.bin"), None, data.path()).unwrap_err().to_string();
    assert_eq!(err, "model file /missing/x.bin (from --model) does not exist");
    // The environment wins over the settings file.
    assert_eq!(resolve_model(None, Some("/missing/s.bin"), data.path()).unwrap(), own);
    std::env::remove_var("BARRAISER_MODEL");

    // The settings file wins over the default model.
    let err = resolve_model(None, Some("/missing/s.bin"), data.path()).unwrap_err().to_string();
    assert_eq!(err, "model file /missing/s.bin (from config.toml) does not exist");
    assert_eq!(
        resolve_model(None, Some("base"), data.path()).unwrap(),
        data.path().join("models/ggml-base.bin")
    );
}
