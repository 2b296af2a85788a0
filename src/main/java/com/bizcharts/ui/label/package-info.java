/** The label view: one post at a time, keyboard ratings written at once, prefetched next posts. */
package com.bizcharts.ui.label;
