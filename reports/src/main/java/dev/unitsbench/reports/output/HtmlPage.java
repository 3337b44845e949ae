package dev.unitsbench.reports.output;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

/**
 * Renders {@code index.html} from the template {@code index.html.mustache} with jmustache,
 * which escapes every {@code {{value}}} for HTML. The only unescaped values are the charts'
 * SVG ({@link ChartView}), drawn by this program, whose text JFreeSVG escapes itself.
 *
 * <p>The template reads typed views ({@link PageView} and the records it holds), which shape the
 * report into text; every sentence a reader sees is in the template, the views' factories or
 * the claim catalog.
 */
public final class HtmlPage {

    public static final String FILE = "index.html";
    private static final String TEMPLATE = "/dev/unitsbench/reports/output/index.html.mustache";
    private static final Template PAGE = compile();

    private HtmlPage() {
    }

    private static Template compile() {
        try (InputStream in = HtmlPage.class.getResourceAsStream(TEMPLATE);
             Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return Mustache.compiler().escapeHTML(true).emptyStringIsFalse(true).defaultValue("").compile(reader);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("template " + TEMPLATE + " is missing from the jar", e);
        }
    }

    public static String render(Report report) {
        return render(PageView.of(report));
    }

    static String render(PageView page) {
        return PAGE.execute(page);
    }
}
