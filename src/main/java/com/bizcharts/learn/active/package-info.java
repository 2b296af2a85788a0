/** Active learning: hybrid uncertainty and diversity ordering of the unlabeled posts. */
package com.bizcharts.learn.active;
