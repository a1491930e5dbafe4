package io.pmoflow.api;

import io.pmoflow.project.Capacity;
import io.pmoflow.project.PortfolioService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Resource capacity across the portfolio: who is planned how much in which week, and who is over-allocated. */
@RestController
@RequestMapping("/api/resources")
@Tag(name = "Resources", description = "Allocation per person and role by ISO week")
public class CapacityController {

  private final PortfolioService portfolio;

  public CapacityController(PortfolioService portfolio) {
    this.portfolio = portfolio;
  }

  @GetMapping("/capacity")
  @Operation(summary = "Allocation % per person and role per ISO week, from the resource plans of projects not ended",
      description = "A person above 100 % in a week is overAllocated. At most "
          + PortfolioService.MAX_CAPACITY_WEEKS + " weeks.")
  public Capacity capacity(
      @Parameter(description = "first day (yyyy-MM-dd); its week is the first; default today")
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @Parameter(description = "last day (yyyy-MM-dd), not before from; default 12 weeks in all")
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @Parameter(description = "page of people (by user id) from 0") @RequestParam(defaultValue = "0") int page,
      @Parameter(description = "people per page, 1 to " + PortfolioService.MAX_CAPACITY_PAGE_SIZE)
      @RequestParam(defaultValue = "100") int size) {
    return portfolio.capacity(from, to, page, size);
  }
}
