package main

import (
	"fmt"
	"io"

	"github.com/creatorops/creatorops/metrics"
	"github.com/creatorops/creatorops/pricing"
)

// metricsSection reports the campaign with the figures both sides argue about: the cost
// per view on the total cost (base fee plus usage rights) beside the flattering
// base-only one, a CPM, and an engagement rate printed with its definition.
func metricsSection(w io.Writer) error {
	video, err := pricing.ParseMoney("2500.00 USD")
	if err != nil {
		return err
	}
	usage, err := pricing.ParseMoney("750.00 USD")
	if err != nil {
		return err
	}
	total, err := video.Add(usage) // 3250.00 USD: CPV is computed on what the brand pays
	if err != nil {
		return err
	}
	const expectedViews = 150000
	baseCPV, err := metrics.CPV(video, expectedViews)
	if err != nil {
		return err
	}
	blendedCPV, err := metrics.CPV(total, expectedViews)
	if err != nil {
		return err
	}

	cpm, err := metrics.CPM(pricing.MustParseMoney("2000.00 USD"), 200000)
	if err != nil {
		return err
	}

	def, err := metrics.ParseDefinition("likes+comments+shares+saves / reach")
	if err != nil {
		return err
	}
	er, err := metrics.NewEngagementRate(def, 3600, 120000)
	if err != nil {
		return err
	}

	fmt.Fprintln(w, "\n== Metrics: the report, on the total cost ==")
	fmt.Fprintf(w, "Cost: %s video + %s usage rights = %s over %d expected views\n", video, usage, total, expectedViews)
	cpvPlaces := metrics.DisplayPlaces(metrics.FormulaCPV, total.Currency()) // 4 for USD
	fmt.Fprintf(w, "  CPV, base fee only: %s (flatters the deal)\n", baseCPV.StringFixed(cpvPlaces, pricing.HalfUp))
	fmt.Fprintf(w, "  CPV, blended:       %s (the figure to report)\n", blendedCPV.StringFixed(cpvPlaces, pricing.HalfUp))
	fmt.Fprintf(w, "CPM: 2000.00 USD for 200000 impressions = %s\n",
		cpm.StringFixed(metrics.DisplayPlaces(metrics.FormulaCPM, cpm.Currency()), pricing.HalfUp))
	fmt.Fprintf(w, "Engagement rate: %d engagements on %d reach = %s\n", er.Engagements(), er.Basis(), metrics.Percent(er.Value()))
	fmt.Fprintf(w, "  definition: %s (one per campaign; rates under other definitions do not combine)\n", er.Definition())
	return nil
}
