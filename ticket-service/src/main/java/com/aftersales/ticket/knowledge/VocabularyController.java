package com.aftersales.ticket.knowledge;

import com.aftersales.platform.security.CurrentActor;
import com.aftersales.platform.web.ProblemException;
import com.aftersales.ticket.shared.Versions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** The domain vocabulary of the knowledge search, edited without a release; every instance's index follows. */
@RestController
@Validated
@RequestMapping(path = "/api/knowledge-vocabulary", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Knowledge vocabulary", description = "Groups of words that mean the same fault or product (同义词/症状词)")
class VocabularyController {

    static final String NAME = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}";
    private static final String PROBLEM_JSON = "application/problem+json";

    private final VocabularyRepository vocabulary;
    private final KnowledgeIndexSync sync;
    private final CurrentActor actors;
    private final Clock clock;

    VocabularyController(VocabularyRepository vocabulary, KnowledgeIndexSync sync, CurrentActor actors, Clock clock) {
        this.vocabulary = vocabulary;
        this.sync = sync;
        this.actors = actors;
        this.clock = clock;
    }

    /** A group as the API shows it. */
    record GroupView(String name, List<String> terms, String updatedBy, Instant updatedAt, long version) {
        static GroupView of(VocabularyRepository.Row r) {
            return new GroupView(r.name(), r.terms(), r.updatedBy(), r.updatedAt(), r.version());
        }
    }

    /** {@code PUT /api/knowledge-vocabulary/{name}}. */
    record PutGroup(@NotEmpty @Size(max = 200) List<@NotBlank @Size(max = 40) String> terms) {
    }

    @GetMapping
    @Operation(summary = "Every group of the vocabulary")
    List<GroupView> all() {
        return vocabulary.all().stream().map(GroupView::of).toList();
    }

    @PutMapping(path = "/{name}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Transactional
    @Operation(summary = "Create a group or replace its words",
            description = "A group named after a product category code (AIR_CONDITIONER) holds that product's words. "
                    + "The search index of every instance is rebuilt with the new vocabulary (this one at once, the "
                    + "others within the poll interval). If-Match with the group's ETag guards against overwriting "
                    + "another edit (409).")
    @ApiResponse(responseCode = "200", description = "Saved")
    @ApiResponse(responseCode = "400", description = "Invalid name or words", content = @Content(mediaType = PROBLEM_JSON))
    @ApiResponse(responseCode = "409", description = "Changed by someone else", content = @Content(mediaType = PROBLEM_JSON))
    ResponseEntity<GroupView> put(@PathVariable @Pattern(regexp = NAME) String name,
                                  @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                  @Valid @RequestBody PutGroup request) {
        Long readVersion = null;
        if (ifMatch != null) {
            VocabularyRepository.Row current = vocabulary.find(name)
                    .orElseThrow(() -> ProblemException.notFound("vocabulary group", name));
            Versions.checkIfMatch(ifMatch, current.version(), "vocabulary group " + name);
            readVersion = current.version();
        }
        List<String> terms = request.terms().stream().map(String::strip).distinct().toList();
        if (!vocabulary.put(name, terms, actors.get().label(), clock.instant().truncatedTo(ChronoUnit.MICROS), readVersion)) {
            throw ProblemException.conflict("Vocabulary group " + name + " changed since version " + readVersion);
        }
        sync.afterCommit();
        VocabularyRepository.Row saved = vocabulary.find(name).orElseThrow();
        return ResponseEntity.ok().eTag(Versions.etag(saved.version())).body(GroupView.of(saved));
    }

    @DeleteMapping("/{name}")
    @Transactional
    @Operation(summary = "Remove a group")
    @ApiResponse(responseCode = "204", description = "Removed")
    @ApiResponse(responseCode = "404", description = "No such group", content = @Content(mediaType = PROBLEM_JSON))
    ResponseEntity<Void> delete(@PathVariable @Pattern(regexp = NAME) String name) {
        if (!vocabulary.delete(name)) {
            throw ProblemException.notFound("vocabulary group", name);
        }
        sync.afterCommit();
        return ResponseEntity.noContent().build();
    }
}
