package com.bizcharts.learn.drift;

import java.time.Instant;

/** A stored drift detection; {@code kind} is error-rate or vocabulary, {@code detailJson} what was seen. */
public record DriftEvent(long id, Instant detectedAt, String kind, String modelId, String detailJson,
                         boolean acknowledged) {}
