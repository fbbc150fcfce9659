package com.aftersales.dispatch.attachment;

import com.aftersales.platform.web.ProblemException;
import com.aftersales.platform.web.ProblemMapper;
import com.aftersales.platform.web.ProblemType;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/** Refused uploads as problems: {@code attachment-not-an-image} (415), {@code attachment-too-large} (413), {@code attachment-empty} (400). */
@Component
class AttachmentProblems implements ProblemMapper {

    @Override
    public Optional<ProblemException> toProblem(Throwable exception) {
        if (!(exception instanceof AttachmentRefusedException refused)) {
            return Optional.empty();
        }
        String type = switch (refused.status()) {
            case 413 -> "attachment-too-large";
            case 415 -> "attachment-not-an-image";
            default -> "attachment-empty";
        };
        String title = switch (refused.status()) {
            case 413 -> "The attachment is too large";
            case 415 -> "Only images can be attached";
            default -> "The attachment is empty";
        };
        return Optional.of(new ProblemException(URI.create(ProblemType.PREFIX + type), HttpStatusCode.valueOf(refused.status()),
                title, refused.getMessage(), Map.of("rule", refused.rule())));
    }
}
