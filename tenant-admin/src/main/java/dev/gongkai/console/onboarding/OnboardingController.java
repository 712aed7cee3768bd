package dev.gongkai.console.onboarding;

import dev.gongkai.console.agency.PendingImports;
import dev.gongkai.console.security.ConsoleUser;
import dev.gongkai.console.services.ServiceProblem;
import dev.gongkai.console.services.Services;
import dev.gongkai.console.shell.UploadOf;
import dev.gongkai.contract.OnboardingPlan;
import dev.gongkai.contract.UploadKind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The office's onboarding of its city's past reports (导入往年年报): a zip of published reports, with an optional
 * mapping of file names to agencies, is checked by the reports service — the batch check of {@code report-cli check},
 * file by file, with what importing would do — and shown before anything is saved; 确认导入 imports the same upload,
 * kept server-side between the two steps as the agency's import preview keeps its file ({@link PendingImports}),
 * so the office never uploads it twice.
 */
@Controller
class OnboardingController {

    private final OnboardingClient onboarding;
    private final PendingImports pending;
    private final OnboardingMapping mapping;
    private final MessageSource messages;

    OnboardingController(Services services, PendingImports pending, OnboardingMapping mapping, MessageSource messages) {
        this.onboarding = OnboardingClient.of(services);
        this.pending = pending;
        this.mapping = mapping;
        this.messages = messages;
    }

    /** The archive's limit, named beside the file field on every state of the page. */
    @ModelAttribute("limitMegabytes")
    int limitMegabytes() {
        return UploadKind.ARCHIVE.megabytes();
    }

    @GetMapping("/office/onboarding")
    String form() {
        return "office/onboarding";
    }

    /** Checks the upload and shows the table; nothing is saved. */
    @PostMapping("/office/onboarding")
    @UploadOf(UploadKind.ARCHIVE)
    String check(
            @RequestParam(value = "file", required = false) MultipartFile file,
            @RequestParam(value = "mapping", required = false) MultipartFile mappingFile,
            Authentication authentication,
            Locale locale,
            Model model)
            throws IOException {
        if (file == null || file.isEmpty()) {
            model.addAttribute("error", messages.getMessage("onboarding.noFile", null, locale));
            return "office/onboarding";
        }
        Upload upload;
        try {
            upload = new Upload(
                    file.getOriginalFilename(),
                    file.getBytes(),
                    mappingFile == null || mappingFile.isEmpty() ? null : mapping.toJson(mappingFile.getBytes()));
        } catch (OnboardingMapping.Unreadable e) {
            model.addAttribute(
                    "error",
                    e.line == 0
                            ? messages.getMessage("onboarding.mappingJson", null, locale)
                            : messages.getMessage("onboarding.mappingLine", new Object[] {e.line}, locale));
            return "office/onboarding";
        }
        OnboardingPlan answer;
        try {
            answer = onboarding.check(zip(upload), upload.mapping());
        } catch (ServiceProblem problem) {
            model.addAttribute("error", problem.message(locale));
            return "office/onboarding";
        }
        ConsoleUser user = ConsoleUser.of(authentication);
        String token = pending.keep(user.username(), user.acting(), new PendingImports.Pending(upload.encode(), false));
        model.addAttribute("token", token);
        model.addAttribute("fileName", upload.name());
        model.addAttribute("answer", OnboardingTable.of(answer));
        return "office/onboarding";
    }

    /** Imports the upload the office has just checked, and shows what was done. */
    @PostMapping("/office/onboarding/import")
    String importChecked(
            @RequestParam String token,
            Authentication authentication,
            Locale locale,
            Model model,
            RedirectAttributes redirect) {
        ConsoleUser user = ConsoleUser.of(authentication);
        var found = pending.find(token, user.username(), user.acting());
        if (found.isEmpty()) {
            redirect.addFlashAttribute("notice", "onboarding.expired");
            return "redirect:/office/onboarding";
        }
        Upload upload = Upload.decode(found.get().bytes());
        OnboardingPlan answer;
        try {
            answer = onboarding.importAll(zip(upload), upload.mapping());
        } catch (ServiceProblem problem) {
            model.addAttribute("error", problem.message(locale));
            return "office/onboarding";
        }
        pending.discard(token);
        model.addAttribute("imported", true);
        model.addAttribute("fileName", upload.name());
        model.addAttribute("answer", OnboardingTable.of(answer));
        return "office/onboarding";
    }

    /** The zip as a part with its file name, as the office uploaded it. */
    private static Resource zip(Upload upload) {
        return new ByteArrayResource(upload.zip()) {
            @Override
            public String getFilename() {
                return upload.name() == null || upload.name().isBlank() ? "reports.zip" : upload.name();
            }
        };
    }

    /** What the office uploaded: the zip's name and bytes, and the mapping as the service takes it (JSON), if any. */
    record Upload(String name, byte[] zip, String mapping) {

        byte[] encode() {
            var out = new ByteArrayOutputStream(zip.length + 256);
            try (var data = new DataOutputStream(out)) {
                writeText(data, name);
                writeText(data, mapping);
                data.write(zip);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toByteArray();
        }

        static Upload decode(byte[] stored) {
            try (var data = new DataInputStream(new ByteArrayInputStream(stored))) {
                String name = readText(data);
                String mapping = readText(data);
                return new Upload(name, data.readAllBytes(), mapping);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static void writeText(DataOutputStream data, String text) throws IOException {
            if (text == null) {
                data.writeInt(-1);
                return;
            }
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            data.writeInt(bytes.length);
            data.write(bytes);
        }

        private static String readText(DataInputStream data) throws IOException {
            int length = data.readInt();
            return length < 0 ? null : new String(data.readNBytes(length), StandardCharsets.UTF_8);
        }
    }
}
