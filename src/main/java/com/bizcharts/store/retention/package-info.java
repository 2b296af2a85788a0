/** Retention: what the store keeps, for how long, and the maintenance run that applies it. */
package com.bizcharts.store.retention;
