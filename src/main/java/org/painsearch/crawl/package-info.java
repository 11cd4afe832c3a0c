/** Bringing the web in politely and safely: frontier, robots.txt, sitemaps, per-host delays, fetching, crawl state. */
package org.painsearch.crawl;
