package io.pmoflow.project;

/** A project document archived at closure, by its http(s) address. */
public record DocumentLink(String title, String url) {
}
