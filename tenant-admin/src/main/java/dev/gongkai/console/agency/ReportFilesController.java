package dev.gongkai.console.agency;

import dev.gongkai.console.services.Downloads;
import dev.gongkai.console.services.ServiceProblem;
import dev.gongkai.console.shell.UploadOf;
import dev.gongkai.contract.ReportView;
import dev.gongkai.contract.UploadKind;
import java.io.IOException;
import java.util.Locale;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The files of a report year: the draft as PDF for the printed copy the head of the agency signs, and the
 * attachments (above all the signed and stamped copy for 备案) — upload, list, download, and removal while the
 * agency may still change the report. The browser holds no token for the services: the console passes files on.
 */
@Controller
class ReportFilesController {

    private final ReportsApi reports;

    ReportFilesController(ReportsApi reports) {
        this.reports = reports;
    }

    @GetMapping("/reports/{year}/pdf")
    ResponseEntity<byte[]> draftPdf(@PathVariable int year) {
        return Downloads.proxy(reports.draftPdf(year), year + ".pdf", MediaType.APPLICATION_PDF);
    }

    @GetMapping("/reports/{year}/attachments")
    String attachments(@PathVariable int year, Model model) {
        ReportView view = reports.get(year).getBody();
        model.addAttribute("year", year);
        model.addAttribute("status", view.status().name());
        model.addAttribute("editable", view.status().editable());
        model.addAttribute("attachments", reports.attachments(year));
        model.addAttribute("limitMegabytes", UploadKind.ATTACHMENT.megabytes());
        return "agency/attachments";
    }

    @PostMapping("/reports/{year}/attachments")
    @UploadOf(UploadKind.ATTACHMENT)
    String upload(
            @PathVariable int year,
            @RequestParam(value = "file", required = false) MultipartFile file,
            Locale locale,
            RedirectAttributes redirect)
            throws IOException {
        if (file == null || file.isEmpty()) {
            redirect.addFlashAttribute("notice", "attachments.choose");
            return "redirect:/reports/" + year + "/attachments";
        }
        try {
            reports.attach(year, file.getOriginalFilename(), file.getBytes());
            redirect.addFlashAttribute("notice", "attachments.added");
        } catch (ServiceProblem problem) {
            redirect.addFlashAttribute("error", problem.message(locale));
        }
        return "redirect:/reports/" + year + "/attachments";
    }

    @GetMapping("/reports/{year}/attachments/{id}")
    ResponseEntity<byte[]> download(@PathVariable int year, @PathVariable long id) {
        return Downloads.proxy(reports.attachment(year, id), "attachment", MediaType.ALL);
    }

    @PostMapping("/reports/{year}/attachments/{id}/remove")
    String remove(@PathVariable int year, @PathVariable long id, Locale locale, RedirectAttributes redirect) {
        try {
            reports.removeAttachment(year, id);
            redirect.addFlashAttribute("notice", "attachments.removed");
        } catch (ServiceProblem problem) {
            redirect.addFlashAttribute("error", problem.message(locale));
        }
        return "redirect:/reports/" + year + "/attachments";
    }
}
