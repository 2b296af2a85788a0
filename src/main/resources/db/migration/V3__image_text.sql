-- Text read from thumbnails by OCR (Tesseract), one row per post once read, so each image is read only once.
CREATE TABLE image_texts (
    thread_id          INTEGER PRIMARY KEY REFERENCES thread_ops (thread_id) ON DELETE CASCADE,
    status             VARCHAR(16) NOT NULL,          -- used | missing | unsupported | undecodable | disabled
    text               TEXT NOT NULL DEFAULT '',
    read_at            VARCHAR(32) NOT NULL
);
