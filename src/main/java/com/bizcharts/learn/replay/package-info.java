/** Experience replay: a reservoir sample of past training examples mixed into every retrain. */
package com.bizcharts.learn.replay;
