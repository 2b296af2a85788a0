/** The frozen golden set of human labels that guards every model promotion. */
package com.bizcharts.learn.golden;
