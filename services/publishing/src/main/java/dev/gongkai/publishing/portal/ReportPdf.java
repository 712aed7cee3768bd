package dev.gongkai.publishing.portal;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import dev.gongkai.publishing.revisions.PublishedRevision;
import dev.gongkai.report.render.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.jsoup.nodes.Document;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The report as PDF: the national layout of {@link HtmlRenderer} laid out by openhtmltopdf with WenQuanYi Zen Hei
 * embedded (subset), so the Chinese text displays everywhere and can be extracted again. Noto CJK cannot be used:
 * PDFBox cannot embed its CFF outlines. A table that runs over a page break repeats its header rows on the next
 * page, rows are never cut, and every page is numbered "第 1 页 / 共 N 页" at its foot.
 */
final class ReportPdf {

    static final String FONT_FAMILY = "WenQuanYi Zen Hei";

    private final File font;

    ReportPdf(String fontPath) {
        this.font = new File(fontPath);
    }

    byte[] render(PublishedRevision revision) {
        Document html = Jsoup.parse(HtmlRenderer.render(revision.report()));
        html.head().appendElement("style").text("""
                body,h1,h2,p,th,td,caption,time{font-family:"%1$s"}
                body{margin:0;max-width:none;font-size:10.5pt}
                .vertical{writing-mode:horizontal-tb}
                table{-fs-table-paginate:paginate}
                thead{display:table-header-group}
                tr{page-break-inside:avoid}
                h2,caption{page-break-after:avoid}
                @page{size:A4;margin:18mm 15mm 20mm;
                  @bottom-center{content:"第 " counter(page) " 页 / 共 " counter(pages) " 页";
                    font-family:"%1$s";font-size:9pt}}
                """.formatted(FONT_FAMILY));
        html.body().appendElement("p").attr("class", "revision")
                .text("第" + revision.number() + "版" + (revision.correction() ? "（更正）" : "") + "，发布于 "
                        + Html.dateTime(revision.publishedAt()));
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(font, FONT_FAMILY);
            builder.withW3cDocument(new W3CDom().fromJsoup(html), "/");
            builder.withProducer("Gongkai");
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("Rendering the PDF failed", e);
        }
        return out.toByteArray();
    }
}
