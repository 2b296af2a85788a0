/** The window shell: tabs for each view, shortcuts, theme, status bar. */
package com.bizcharts.ui.shell;
