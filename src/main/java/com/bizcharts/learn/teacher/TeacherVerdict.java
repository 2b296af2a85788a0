package com.bizcharts.learn.teacher;

import com.bizcharts.store.labels.SentimentLabel;

/** A teacher's answer once it has been checked: never stored unless it parsed completely. */
public record TeacherVerdict(SentimentLabel label, double confidence, boolean sarcasm, String rationale) {}
