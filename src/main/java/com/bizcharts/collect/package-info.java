/** Collectors: the live 4chan catalog scraper, the Warosu archive importer, their HTTP and comment cleaning. */
package com.bizcharts.collect;
