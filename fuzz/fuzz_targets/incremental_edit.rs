#![no_main]
//! (`incremental` is a name cargo reserves.) See `unlsp_fuzz::incremental` for what this target checks.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    unlsp_fuzz::incremental(data);
});
