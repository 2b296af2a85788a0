/** The guarded retrain: human, teacher, pseudo and replayed examples in; promotion only if the golden set agrees. */
package com.bizcharts.learn.retrain;
