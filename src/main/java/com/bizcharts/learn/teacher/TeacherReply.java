package com.bizcharts.learn.teacher;

/**
 * What a provider sent back for one post, before its text is checked.
 *
 * @param answer  the model's text, or null when it refused
 * @param refusal the provider's refusal or block reason, or null
 */
public record TeacherReply(String answer, String refusal, long inputTokens, long outputTokens) {}
