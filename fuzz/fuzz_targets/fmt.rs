#![no_main]
//! See `unlsp_fuzz::fmt` for what this target checks.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    unlsp_fuzz::fmt(data);
});
