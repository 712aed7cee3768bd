package dev.gongkai.publishing.portal;

import dev.gongkai.platform.agency.Jurisdiction;
import org.jooq.DSLContext;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static dev.gongkai.platform.jooq.core.Tables.AGENCY;
import static dev.gongkai.platform.jooq.core.Tables.PUBLICATION;

/** An Atom feed (RFC 4287) of a jurisdiction's publications and corrections, newest first, from {@code core}. */
final class AtomFeed {

    static final int ENTRIES = 50;
    private static final String ATOM = "http://www.w3.org/2005/Atom";

    record Item(long id, String agency, String agencyName, int year, int number, Instant publishedAt,
                boolean correction, String reason, boolean late) {
    }

    private AtomFeed() {
    }

    static List<Item> latest(DSLContext dsl, Jurisdiction jurisdiction) {
        return dsl.select(PUBLICATION.ID, PUBLICATION.AGENCY_SLUG, AGENCY.NAME_ZH, PUBLICATION.YEAR,
                        PUBLICATION.NUMBER, PUBLICATION.PUBLISHED_AT, PUBLICATION.CORRECTION, PUBLICATION.REASON,
                        PUBLICATION.LATE)
                .from(PUBLICATION).join(AGENCY).on(AGENCY.SLUG.eq(PUBLICATION.AGENCY_SLUG))
                .where(PUBLICATION.JURISDICTION_SLUG.eq(jurisdiction.slug().value()))
                .orderBy(PUBLICATION.ID.desc()).limit(ENTRIES)
                .fetch(r -> new Item(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                        r.value6().toInstant(), r.value7(), r.value8(), r.value9()));
    }

    /** The feed's validator: the newest entry's id. */
    static String etag(Jurisdiction jurisdiction, List<Item> items) {
        return "\"feed." + jurisdiction.slug() + "." + (items.isEmpty() ? 0 : items.getFirst().id()) + "\"";
    }

    static byte[] render(Jurisdiction jurisdiction, List<Item> items, String origin) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16384);
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            String base = origin + "/public/" + jurisdiction.slug();
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(ATOM);
            xml.writeAttribute("xml:lang", "zh-CN");
            text(xml, "id", "tag:gongkai,2024:" + jurisdiction.slug() + ":publications");
            text(xml, "title", jurisdiction.nameZh() + " 政府信息公开工作年度报告发布与更正");
            text(xml, "subtitle", "Publications and corrections of government information disclosure annual reports");
            text(xml, "updated", (items.isEmpty() ? Instant.EPOCH : items.getFirst().publishedAt()).toString());
            link(xml, "self", base + "/feed.atom");
            link(xml, "alternate", base);
            xml.writeStartElement("author");
            text(xml, "name", jurisdiction.nameZh());
            xml.writeEndElement();
            for (Item item : items) {
                String page = base + "/" + item.agency() + "/" + item.year();
                xml.writeStartElement("entry");
                text(xml, "id", "tag:gongkai,2024:" + jurisdiction.slug() + ":" + item.agency() + ":" + item.year()
                        + ":" + item.number());
                text(xml, "title", item.agencyName() + item.year() + "年政府信息公开工作年度报告"
                        + (item.correction() ? "（更正，第" + item.number() + "版）" : ""));
                text(xml, "updated", item.publishedAt().toString());
                text(xml, "published", item.publishedAt().toString());
                link(xml, "alternate", item.correction() ? page + "/revisions/" + item.number() : page);
                xml.writeStartElement("category");
                xml.writeAttribute("term", item.correction() ? "correction" : "publication");
                xml.writeAttribute("label", item.correction() ? "更正" : "发布");
                xml.writeEndElement();
                text(xml, "summary", (item.correction() ? "更正原因：" + item.reason()
                        : "首次发布" + (item.late() ? "（逾期发布）" : "")) + " / "
                        + (item.correction() ? "Correction: " + item.reason()
                        : "First publication" + (item.late() ? " (late)" : "")));
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    private static void text(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(value == null ? "" : value);
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String href) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("href", href);
    }


    /** The same entries as a page for people, newest first, in one language. */
    static byte[] page(Jurisdiction jurisdiction, List<Item> items, Lang lang) {
        String base = "/public/" + jurisdiction.slug();
        String title = jurisdiction.nameZh() + lang.t(" 年度报告发布与更正", ": publications and corrections");
        StringBuilder out = Html.page(title, lang, base + "/feed");
        out.append("<nav class=\"crumbs\"><a href=\"").append(base).append(lang.query()).append("\">")
                .append(Html.escape(jurisdiction.nameZh())).append("</a></nav>\n<header><h1>").append(Html.escape(title))
                .append("</h1>\n<p><a href=\"").append(base).append("/feed.atom\" type=\"application/atom+xml\">")
                .append(lang.t("订阅（Atom）", "Subscribe (Atom)")).append("</a></p></header>\n<main id=\"main\">\n");
        if (items.isEmpty()) {
            out.append("<p>").append(lang.t("尚无发布。", "Nothing published yet.")).append("</p>\n");
        }
        out.append("<ol id=\"publications\">\n");
        for (Item item : items) {
            out.append("<li data-agency=\"").append(item.agency()).append("\">").append(Html.time(item.publishedAt()))
                    .append(" <a href=\"").append(base).append('/').append(item.agency()).append('/').append(item.year())
                    .append("\">").append(Html.escape(item.agencyName())).append(' ').append(item.year())
                    .append(lang.t("年度报告", " annual report")).append("</a> ");
            if (item.correction()) {
                out.append("<strong>").append(lang.t("更正（第 " + item.number() + " 版）", "corrected (revision "
                        + item.number() + ")")).append("</strong>");
                if (item.reason() != null && !item.reason().isBlank()) {
                    out.append(lang.t("：", ": ")).append(Html.escape(item.reason()));
                }
            } else {
                out.append(lang.t("发布", "published"));
            }
            if (item.late()) {
                out.append(" <span class=\"late\">").append(lang.t("逾期", "late")).append("</span>");
            }
            out.append("</li>\n");
        }
        out.append("</ol>\n").append(Html.end());
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
