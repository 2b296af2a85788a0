/**
 * Models fetched for the user from the Hugging Face Hub: the catalog of known models with their pinned revisions,
 * sizes and hashes ({@link com.bizcharts.sentiment.hub.ModelCatalog}, {@code config/model-catalog.toml}), the
 * resumable download of one file into a {@code .part} file ({@link com.bizcharts.sentiment.hub.HubDownload}), the
 * folder's manifest of what was fetched and checked, and the whole fetch — download, verify, complete the directory,
 * register without activating — as one flow for the CLI and the Models view ({@link com.bizcharts.sentiment.hub.ModelFetch}).
 * It sits beside {@code sentiment.onnx}, whose runners read what it fetches; nothing here runs at scoring time.
 */
package com.bizcharts.sentiment.hub;
