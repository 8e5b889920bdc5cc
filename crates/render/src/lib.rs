//! # annals-render
//!
//! Turns an [`annals_model::Timeline`] into one self-contained HTML page and
//! JSON exports.

#![deny(missing_docs)]
