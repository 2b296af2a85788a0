/** Labels files in and out of the store (the shared JSON-lines format, or CSV) and label counts. */
package com.bizcharts.store.labels;
