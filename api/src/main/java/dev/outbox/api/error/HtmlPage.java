package dev.outbox.api.error;

import io.javalin.http.Context;

/**
 * A minimal HTML answer for people following a link. It loads nothing, is not cached, and sends no
 * Referer onwards, since the URL that led here carries a token.
 */
public final class HtmlPage {

  private HtmlPage() {}

  public static void send(Context ctx, String title, String message) {
    ctx.header("Cache-Control", "no-store")
        .header("Referrer-Policy", "no-referrer")
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", "default-src 'none'")
        .contentType("text/html; charset=utf-8")
        .result(
            "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
                + escape(title)
                + "</title></head><body><h1>"
                + escape(title)
                + "</h1><p>"
                + escape(message)
                + "</p></body></html>");
  }

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
