/**
 * Collectors: the live 4chan catalog scraper ({@code live}), the polite HTTP layer they share ({@code http}) and
 * the cleaning of 4chan comment HTML into text ({@link com.bizcharts.collect.CommentHtml}).
 */
package com.bizcharts.collect;
