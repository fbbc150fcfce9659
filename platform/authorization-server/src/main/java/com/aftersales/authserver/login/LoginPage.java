package com.aftersales.authserver.login;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;

import java.util.List;
import java.util.Locale;

/**
 * The login form, in Chinese by default and in English when the browser prefers it (or {@code ?lang=en}): fields
 * {@code username} and {@code password} (labelled, keyboard-only usable), posted to {@code /login} with the CSRF token.
 * After a failed attempt ({@code ?error}) it says so without telling which half was wrong; after a logout
 * ({@code ?logout}) it says that.
 */
@Controller
public class LoginPage {

    static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    static final List<Locale> LANGUAGES = List.of(CHINESE, Locale.ENGLISH);

    private final MessageSource messages;

    public LoginPage(MessageSource messages) {
        this.messages = messages;
    }

    @GetMapping(path = "/login", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    public String page(HttpServletRequest request, @RequestParam(name = "lang", required = false) String lang) {
        Locale locale = locale(lang, request.getHeader("Accept-Language"));
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        String notice = request.getParameter("error") != null ? alert("login.failed", locale)
                : request.getParameter("logout") != null ? status("login.loggedOut", locale) : "";
        Locale other = locale.getLanguage().equals("zh") ? Locale.ENGLISH : CHINESE;
        return """
                <!DOCTYPE html>
                <html lang="%s">
                <head>
                  <meta charset="utf-8">
                  <meta name="viewport" content="width=device-width, initial-scale=1">
                  <title>%s</title>
                  <link rel="stylesheet" href="/login.css">
                </head>
                <body>
                  <main>
                    <h1>%s</h1>
                    <p>%s</p>
                    %s
                    <form method="post" action="/login">
                      <label for="username">%s</label>
                      <input id="username" name="username" type="text" autocomplete="username" autocapitalize="none" required autofocus>
                      <label for="password">%s</label>
                      <input id="password" name="password" type="password" autocomplete="current-password" required>
                      <input type="hidden" name="%s" value="%s">
                      <button id="login" type="submit">%s</button>
                    </form>
                    <p class="language"><a href="/login?lang=%s" hreflang="%s">%s</a></p>
                  </main>
                </body>
                </html>
                """.formatted(locale.toLanguageTag(), text("login.title", locale), text("login.heading", locale),
                text("login.hint", locale), notice, text("login.username", locale), text("login.password", locale),
                csrf == null ? "_csrf" : csrf.getParameterName(), csrf == null ? "" : HtmlUtils.htmlEscape(csrf.getToken()),
                text("login.submit", locale), other.toLanguageTag(), other.toLanguageTag(), text("login.otherLanguage", locale));
    }

    /** {@code lang} when it names a language we have, else the browser's first language we have, else Chinese. */
    static Locale locale(String lang, String acceptLanguage) {
        if (lang != null && !lang.isBlank()) {
            return Locale.forLanguageTag(lang).getLanguage().equals("en") ? Locale.ENGLISH : CHINESE;
        }
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return CHINESE;
        }
        try {
            Locale best = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage),
                    List.of(Locale.forLanguageTag("zh"), Locale.ENGLISH));
            return best != null && best.getLanguage().equals("en") ? Locale.ENGLISH : CHINESE;
        } catch (IllegalArgumentException malformed) {
            return CHINESE;
        }
    }

    private String alert(String key, Locale locale) {
        return "<p class=\"error\" role=\"alert\">" + text(key, locale) + "</p>";
    }

    private String status(String key, Locale locale) {
        return "<p class=\"notice\" role=\"status\">" + text(key, locale) + "</p>";
    }

    private String text(String key, Locale locale) {
        return HtmlUtils.htmlEscape(messages.getMessage(key, null, locale));
    }
}
