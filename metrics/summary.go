package metrics

import (
	"strconv"
	"time"

	"github.com/creatorops/creatorops/internal/problem"
	"github.com/creatorops/creatorops/pricing"
	"github.com/shopspring/decimal"
)

// row is a validated, copied post.
type row struct {
	id, creator, platform string
	cost                  pricing.Money
	expected              Count
	reported              bool
	counts                Counts
	engagements           Count // under the summary's definition; unknown if an input is
}

func (r *row) get(m Metric) Count {
	if !r.reported {
		return Count{}
	}
	return r.counts.Get(m)
}

// Summary is a roll-up of posts under one engagement [Definition] and one
// [ReportWindow]. Its figures divide sums (total cost / total views), never average
// per-post ratios, so they equal the count-weighted means of the per-post figures.
//
// Each figure uses the posts that report its inputs, and only those: the CPV divides the
// cost of the posts that report views by their views, so a post without a report is
// neither a free view nor a zero; [Summary.Missing] and [Summary.MissingFor] list what
// was left out. A figure that no post reports returns an error wrapping [ErrUnknown].
//
// A Summary is immutable and safe for concurrent use. The zero Summary holds no posts;
// its figures return [ErrUnknown].
type Summary struct {
	def    Definition
	window ReportWindow
	rows   []row
	cost   pricing.Money
}

// Summarize validates posts and rolls them up under def, for actuals answering window.
// It reports every problem at once, in one *[ValidationError] whose problems carry
// their paths ("posts[3].actual.counts.views"): a zero definition or window, a missing
// or duplicate ID, a negative cost or the zero Money (no currency), a negative count,
// an actual without a valid [Source] or captured before PostedAt ([ErrInvalid]); an
// actual answering another window ([ErrMismatch]); costs in different currencies (code
// "currency_mismatch", wrapping both [ErrMismatch] and [pricing.ErrCurrencyMismatch]). A
// zero cost such as 0.00 USD is valid: a gifted post. No posts is [ErrUndefined]. The
// posts are copied; later changes to them do not reach the Summary.
func Summarize(def Definition, window ReportWindow, posts []Post) (Summary, error) {
	const op = "Summarize"
	p := newProblems()
	if def.IsZero() {
		p.add("definition", CodeRequired, "zero Definition")
	}
	if window.Days() == 0 {
		p.add("window", CodeRequired, "want Report7Days or Report30Days")
	}
	if len(posts) == 0 {
		p.Add("posts", CodeUndefined, "no posts", ErrUndefined)
	}
	rows := make([]row, 0, len(posts))
	seen := make(map[string]struct{}, len(posts))
	var total pricing.Money
	for i := range posts {
		post := &posts[i]
		base := problem.Index("posts", i)
		if post.ID == "" {
			p.add(base+".id", CodeRequired, "missing")
		} else {
			if _, dup := seen[post.ID]; dup {
				p.add(base+".id", CodeDuplicate, "duplicate ID "+problem.Quote(post.ID))
			}
			seen[post.ID] = struct{}{}
		}
		switch {
		case post.Cost.Currency() == "":
			p.add(base+".cost", CodeRequired, "zero Money has no currency")
		case post.Cost.IsNegative():
			p.add(base+".cost", CodeNegative, post.Cost.String()+": negative cost")
		case total.Currency() == "":
			total = post.Cost
		default:
			sum, err := total.Add(post.Cost)
			if err != nil {
				p.Add(base+".cost", CodeCurrencyMismatch, "currency "+problem.Quote(post.Cost.Currency())+
					" differs from "+problem.Quote(total.Currency())+" of the posts before", ErrMismatch, pricing.ErrCurrencyMismatch)
			} else {
				total = sum
			}
		}
		if n, ok := post.ExpectedViews.Get(); ok && n < 0 {
			p.add(base+".expected_views", CodeNegative, strconv.FormatInt(n, 10)+": negative count")
		}
		r := row{id: post.ID, creator: post.Creator, platform: post.Platform, cost: post.Cost, expected: post.ExpectedViews}
		if a := post.Actual; a != nil {
			r.reported, r.counts = true, a.Counts
			a.Counts.validate(&p, base+".actual.counts")
			src := base + ".actual.source"
			if !a.Source.validate(&p, src) && a.Source.Window != window && window.Days() != 0 {
				p.Add(src+".window", CodeMismatch, "report window "+problem.Quote(a.Source.Window.String())+
					" differs from the roll-up's "+problem.Quote(window.String()), ErrMismatch)
			}
			if !post.PostedAt.IsZero() && !a.Source.CapturedAt.IsZero() && a.Source.CapturedAt.Before(post.PostedAt) {
				p.add(src+".captured_at", CodeOutOfRange, a.Source.CapturedAt.Format(time.RFC3339)+
					": before the post went live at "+post.PostedAt.Format(time.RFC3339))
			}
			if n, err := def.Engagements(a.Counts); err == nil {
				r.engagements = Known(n)
			}
		}
		rows = append(rows, r)
	}
	if err := p.Err(op); err != nil {
		return Summary{}, err
	}
	return Summary{def: def, window: window, rows: rows, cost: total}, nil
}

// Definition returns the engagement definition of the roll-up.
func (s Summary) Definition() Definition { return s.def }

// Window returns the reporting window the actuals answer.
func (s Summary) Window() ReportWindow { return s.window }

// Posts returns the number of posts in the roll-up, reported or not.
func (s Summary) Posts() int64 { return int64(len(s.rows)) }

// Cost returns the total cost of every post, reported or not.
func (s Summary) Cost() pricing.Money { return s.cost }

// Missing returns the IDs of posts with no report at all, in input order.
func (s Summary) Missing() []string {
	var ids []string
	for i := range s.rows {
		if !s.rows[i].reported {
			ids = append(ids, s.rows[i].id)
		}
	}
	return ids
}

// MissingFor returns the IDs of posts for which metric m is unknown (no report, or a
// report without that number), in input order. These posts are left out of every figure
// that needs m.
func (s Summary) MissingFor(m Metric) []string {
	var ids []string
	for i := range s.rows {
		if !s.rows[i].get(m).IsKnown() {
			ids = append(ids, s.rows[i].id)
		}
	}
	return ids
}

// Total returns the sum of metric m over the posts that report it. It returns an error
// wrapping [ErrUnknown] if no post reports m, and one wrapping [ErrUndefined] for
// [Reach] over more than one post: reach counts unique accounts, and the reach of two
// posts is not the sum of their reaches. The followers of several posts sum to
// follower-posts (a creator posting twice counts twice).
func (s Summary) Total(m Metric) (int64, error) {
	sum, _, n, err := s.sum(m.String(), func(r *row) Count { return r.get(m) })
	if err != nil {
		return 0, err
	}
	if m == Reach && n > 1 {
		return 0, undefined("Summary.Total", "reach", "", "reach is unique per post and cannot be summed across posts")
	}
	return sum, nil
}

// Engagements returns the interactions counted by the definition, summed over the posts
// that report every one of them. Errors as for [Summary.Total].
func (s Summary) Engagements() (int64, error) {
	sum, _, _, err := s.sum("engagements", func(r *row) Count { return r.engagements })
	return sum, err
}

// sum adds up the counts f returns over the rows where they are known, with those rows'
// cost. n is the number of such rows.
func (s Summary) sum(name string, f func(*row) Count) (sum int64, cost pricing.Money, n int, err error) {
	for i := range s.rows {
		v, ok := f(&s.rows[i]).Get()
		if !ok {
			continue
		}
		if sum > maxInt64-v {
			return 0, pricing.Money{}, 0, overflow("Summary", name)
		}
		sum += v
		if n == 0 {
			cost = s.rows[i].cost
		} else if cost, err = cost.Add(s.rows[i].cost); err != nil {
			return 0, pricing.Money{}, 0, moneyError("Summary", "cost", cost, s.rows[i].cost, err)
		}
		n++
	}
	if n == 0 {
		return 0, pricing.Money{}, 0, unknown("Summary", name)
	}
	return sum, cost, n, nil
}

func (s Summary) costPer(op string, scale decimal.Decimal, name string, f func(*row) Count) (pricing.Money, error) {
	sum, cost, _, err := s.sum(name, f)
	if err != nil {
		return pricing.Money{}, err
	}
	return costPer(op, cost, scale, name, sum)
}

// CPM returns the cost of the posts that report impressions, × 1000, over their total
// impressions. See [CPM] and [Summary].
func (s Summary) CPM() (pricing.Money, error) {
	return s.costPer("Summary.CPM", thousand, "impressions", func(r *row) Count { return r.get(Impressions) })
}

// CPV returns the cost of the posts that report views over their total views. See [CPV].
func (s Summary) CPV() (pricing.Money, error) {
	return s.costPer("Summary.CPV", decimal.Decimal{}, "views", func(r *row) Count { return r.get(Views) })
}

// CPA returns the cost of the posts that report conversions over their total
// conversions. See [CPA].
func (s Summary) CPA() (pricing.Money, error) {
	return s.costPer("Summary.CPA", decimal.Decimal{}, "conversions", func(r *row) Count { return r.get(Conversions) })
}

// CPC returns the cost of the posts that report clicks over their total clicks. See
// [CPC].
func (s Summary) CPC() (pricing.Money, error) {
	return s.costPer("Summary.CPC", decimal.Decimal{}, "clicks", func(r *row) Count { return r.get(Clicks) })
}

// CPE returns the cost of the posts that report every interaction of the definition over
// their total engagements. See [CPE].
func (s Summary) CPE() (pricing.Money, error) {
	return s.costPer("Summary.CPE", decimal.Decimal{}, "engagements", func(r *row) Count { return r.engagements })
}

// pairSum sums num and den over the rows where both are known.
func (s Summary) pairSum(numName string, num Metric, denName string, den Metric) (a, b int64, n int, err error) {
	for i := range s.rows {
		r := &s.rows[i]
		x, okx := r.get(num).Get()
		y, oky := r.get(den).Get()
		if !okx || !oky {
			continue
		}
		if a > maxInt64-x || b > maxInt64-y {
			return 0, 0, 0, overflow("Summary", numName+" or "+denName)
		}
		a, b, n = a+x, b+y, n+1
	}
	if n == 0 {
		return 0, 0, 0, unknown("Summary", numName+" and "+denName)
	}
	return a, b, n, nil
}

// CTR returns total clicks over total impressions of the posts that report both. See
// [CTR].
func (s Summary) CTR() (decimal.Decimal, error) {
	c, i, _, err := s.pairSum("clicks", Clicks, "impressions", Impressions)
	if err != nil {
		return decimal.Decimal{}, err
	}
	return CTR(c, i)
}

// ConversionRate returns total conversions over total clicks of the posts that report
// both. See [ConversionRate].
func (s Summary) ConversionRate() (decimal.Decimal, error) {
	c, k, _, err := s.pairSum("conversions", Conversions, "clicks", Clicks)
	if err != nil {
		return decimal.Decimal{}, err
	}
	return ConversionRate(c, k)
}

// EngagementRate returns total engagements over the total basis of the posts that report
// both, under the summary's definition. A reach-based rate of more than one post returns
// an error wrapping [ErrUndefined] (see [EngagementRate.Combine]).
func (s Summary) EngagementRate() (EngagementRate, error) {
	var eng, basis int64
	var n int
	bm := s.def.basis.Metric()
	for i := range s.rows {
		r := &s.rows[i]
		e, oke := r.engagements.Get()
		b, okb := r.get(bm).Get()
		if !oke || !okb {
			continue
		}
		if eng > maxInt64-e || basis > maxInt64-b {
			return EngagementRate{}, overflow("Summary.EngagementRate", "sum")
		}
		eng, basis, n = eng+e, basis+b, n+1
	}
	if n == 0 {
		return EngagementRate{}, unknown("Summary.EngagementRate", "engagements and "+s.def.basis.String())
	}
	if bm == Reach && n > 1 {
		return EngagementRate{}, undefined("Summary.EngagementRate", "reach", "", "reach is unique per post and cannot be summed across posts")
	}
	r, err := NewEngagementRate(s.def, eng, basis)
	if err != nil {
		return EngagementRate{}, err
	}
	r.posts = int64(n)
	return r, nil
}
