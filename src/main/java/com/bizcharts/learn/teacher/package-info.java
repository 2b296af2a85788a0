/** Teacher auto-labels from vision-LLM APIs, kept apart from human labels, with their agreement report. */
package com.bizcharts.learn.teacher;
