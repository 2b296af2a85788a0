/** Training the embedded model: labeled-post files and database labels, stratified folds, the deterministic trainer. */
package com.bizcharts.learn.train;
