package org.painsearch.crawl;

/** Gets the content of an address: from the network during a crawl, from the raw store when re-extracting. */
interface Fetcher {
    FetchResult fetch(String url, RawStore.Role role) throws InterruptedException;
}
