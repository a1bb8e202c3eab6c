package api

import (
	"context"
	"errors"

	"github.com/shopspring/decimal"

	"github.com/creatorops/creatorops/metrics"
	"github.com/creatorops/creatorops/pricing"
)

// SummaryRequest documents the body of POST /v1/metrics/summary.
type SummaryRequest struct {
	Definition metrics.Definition   `json:"definition" doc:"The campaign's one engagement definition: \"<interactions> / <basis>\"." example:"likes+comments+shares+saves / reach"`
	Window     metrics.ReportWindow `json:"window" doc:"The reporting window every actual answers." example:"7 days"`
	Posts      []metrics.Post       `json:"posts"`
}

// Summary is a roll-up of posts: every figure divides sums, never averages
// ratios.
type Summary struct {
	Definition string   `json:"definition" example:"likes+comments+shares+saves / reach"`
	Window     string   `json:"window" example:"7 days"`
	Posts      int64    `json:"posts"`
	Cost       string   `json:"cost" doc:"The total cost of the posts." example:"5000.00 USD"`
	Figures    Figures  `json:"figures"`
	Missing    []string `json:"missing,omitempty" doc:"The IDs of posts without a report: left out of every figure, not counted as zero."`
	ByCreator  []Group  `json:"by_creator"`
	ByPlatform []Group  `json:"by_platform"`
	Estimate   *Figure  `json:"estimated_cpv,omitempty" doc:"The CPV estimated at quote time (from expected views), for the posts that have both expected and actual views."`
}

// Group is one line of a breakdown.
type Group struct {
	Key     string   `json:"key" example:"anna"`
	Posts   int64    `json:"posts"`
	Cost    string   `json:"cost" example:"3250.00 USD"`
	Figures Figures  `json:"figures"`
	Missing []string `json:"missing,omitempty"`
}

// Figures are a roll-up's cost and rate figures.
type Figures struct {
	CPM            Figure `json:"cpm"`
	CPV            Figure `json:"cpv"`
	CPA            Figure `json:"cpa"`
	CPC            Figure `json:"cpc"`
	CPE            Figure `json:"cpe"`
	CTR            Figure `json:"ctr"`
	ConversionRate Figure `json:"conversion_rate"`
	EngagementRate Figure `json:"engagement_rate"`
}

// Figure is one figure, or why there is none.
type Figure struct {
	Value   string `json:"value,omitempty" doc:"Exact, at 16 decimal places: Money (\"0.0216666666666667 USD\") or a fraction (\"0.03\")." example:"0.0216666666666667 USD"`
	Display string `json:"display,omitempty" doc:"Rounded for a person: a CPV to 4 places, a CPM to the currency's, a rate as a percentage." example:"0.0217 USD"`
	Code    string `json:"code,omitempty" doc:"Why there is no value: unknown (no post reports a count it needs), undefined (a zero denominator), mismatch." example:"unknown"`
	Reason  string `json:"reason,omitempty"`
}

type summaryOutput struct{ Body Summary }

func (s *Server) summarize(ctx context.Context, in *rawBody) (*summaryOutput, error) {
	const what = "metrics summary request"
	env, err := readEnvelope(in.RawBody, member{"definition", true}, member{"window", true}, member{"posts", true})
	if err != nil {
		return nil, bodyError(what, err)
	}
	var def metrics.Definition
	if text, ok := env.str("definition"); ok {
		if def, err = metrics.ParseDefinition(text); err != nil {
			env.addErr("definition", err)
		}
	}
	var window metrics.ReportWindow
	if text, ok := env.str("window"); ok {
		if window, err = metrics.ParseReportWindow(text); err != nil {
			env.addErr("window", err)
		}
	}
	var posts []metrics.Post
	if env.has("posts") {
		if posts, err = metrics.DecodePosts(env.raw["posts"]); err != nil {
			env.addErr("posts", err)
		}
	}
	if err := env.err(what); err != nil {
		return nil, invalid(what, err)
	}
	sum, err := metrics.Summarize(def, window, posts)
	if err != nil {
		return nil, invalid(what, err) // its paths are "posts[3].cost", "definition", "window"
	}
	out := Summary{
		Definition: def.String(),
		Window:     window.String(),
		Posts:      sum.Posts(),
		Cost:       sum.Cost().String(),
		Figures:    figures(sum),
		Missing:    sum.Missing(),
		ByCreator:  groups(sum.ByCreator()),
		ByPlatform: groups(sum.ByPlatform()),
	}
	if e, err := sum.Estimate(); err == nil {
		f := money(metrics.FormulaCPV, e.EstimatedCPV, nil)
		out.Estimate = &f
	}
	return &summaryOutput{Body: out}, nil
}

func groups(gs []metrics.Group) []Group {
	out := make([]Group, len(gs))
	for i, g := range gs {
		out[i] = Group{Key: g.Key, Posts: g.Summary.Posts(), Cost: g.Summary.Cost().String(), Figures: figures(g.Summary), Missing: g.Summary.Missing()}
	}
	return out
}

func figures(s metrics.Summary) Figures {
	cpm, cpmErr := s.CPM()
	cpv, cpvErr := s.CPV()
	cpa, cpaErr := s.CPA()
	cpc, cpcErr := s.CPC()
	cpe, cpeErr := s.CPE()
	ctr, ctrErr := s.CTR()
	conv, convErr := s.ConversionRate()
	er, erErr := s.EngagementRate()
	var erValue decimal.Decimal
	if erErr == nil {
		erValue = er.Value()
	}
	return Figures{
		CPM:            money(metrics.FormulaCPM, cpm, cpmErr),
		CPV:            money(metrics.FormulaCPV, cpv, cpvErr),
		CPA:            money(metrics.FormulaCPA, cpa, cpaErr),
		CPC:            money(metrics.FormulaCPC, cpc, cpcErr),
		CPE:            money(metrics.FormulaCPE, cpe, cpeErr),
		CTR:            rate(ctr, ctrErr),
		ConversionRate: rate(conv, convErr),
		EngagementRate: rate(erValue, erErr),
	}
}

func money(f metrics.Formula, m pricing.Money, err error) Figure {
	if err != nil {
		return missing(err)
	}
	return Figure{Value: m.String(), Display: m.StringFixed(metrics.DisplayPlaces(f, m.Currency()), pricing.HalfUp)}
}

func rate(d decimal.Decimal, err error) Figure {
	if err != nil {
		return missing(err)
	}
	return Figure{Value: d.String(), Display: metrics.Percent(d)}
}

func missing(err error) Figure {
	code := "invalid"
	switch {
	case errors.Is(err, metrics.ErrUnknown):
		code = metrics.CodeUnknown
	case errors.Is(err, metrics.ErrUndefined):
		code = metrics.CodeUndefined
	case errors.Is(err, metrics.ErrMismatch):
		code = metrics.CodeMismatch
	}
	return Figure{Code: code, Reason: err.Error()}
}
