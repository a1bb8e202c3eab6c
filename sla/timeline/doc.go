// Package timeline runs a deliverable's chain of promises from what really
// happened: product shipping, concept, compliance check, draft, feedback rounds,
// final approval, the post, the live check, reports, invoice and payment. For any
// instant it answers every milestone's due instant on its owner's calendar and
// its status, who the deliverable is waiting on, where the post date stands and
// why it moved, the follow-ups, escalations and reminders due, and the next
// instant at which anything changes.
//
// # Plans, events, states
//
// A [Plan] is the agreement for one deliverable: an [sla.Policy] (the service
// terms), the brand's and the creator's [Side] (calendar, owner, manager), the
// kickoff, the agreed post date and local time in the creator's zone, and the
// product's ship-by date if one is shipped. [Compile] validates it, rejecting a
// plan whose windows cannot fit before its post date with the numbers, and
// returns a [Timeline].
//
// [Event] values record what happened, in any order and late; a platform keeps
// them in its own database. [Timeline.State] takes the events and an instant and
// returns the [State]: pure, deterministic (the same answer on any machine and in
// any process time zone, for one version of the tz database), and allocation-light
// enough to compute on every request. An event that cannot have happened (an
// approval before any submission, a post before final approval, a second
// payment) is left out and named in the error; the state comes from the others.
//
// # The rules
//
// Each step opens when the step before it is met and is due one window later on
// its owner's calendar (the policy's response, draft and review windows). A step
// is at risk once the policy's share of its window (75%) is gone, in the window's
// own unit, and breached at its due instant.
//
// Post date shift: let D be when final approval was due, P the post instant and
// W the creator's working time from D to P. Final approval at A > D moves the
// post to the first instant, at P's wall-clock time on a later posting day, with
// at least W of the creator's working time after A. An approval on or before D
// never moves P; a late product shipment moves it the same way. The creator is
// never squeezed by the brand's delay, and a late creator step never moves the
// post: it is a breach. Each shift carries its reason ([Shift.Reason]): "post
// date moved from Mon 15 Mar 12:00 to Wed 17 Mar 12:00: final approval was due
// Wed 10 Mar 2027 13:00 EST and came Fri 12 Mar 2027 13:00 EST, 2 business days
// late". For a step the post depends on, [Milestone].ApproveBy is the latest
// instant that keeps the post, from [sla.Calendar.SubWorkingTime].
//
// Follow-ups and escalation: when a step is breached, a follow-up to its owner is
// due at once; while it stays unanswered, the next one is due one follow-up
// spacing (the owner's calendar) after the previous one was sent; one spacing
// after the last of the policy's follow-ups, escalation to the owner's manager is
// due. Each goes out at the recipient's [sla.Calendar.NextContact]. A platform
// records what it sent as FollowUpSent and Escalated events; an escalation
// restarts the step's window from its instant, and the cycle runs again if that
// is missed too. The post-date rule still measures from the original D.
//
// Feedback is one consolidated round; rounds beyond the policy's included ones
// are extra and priced by the plan's rate card (State.Extra). A rush applies its shorter
// windows from the instant both sides have confirmed it, never before.
//
// # Waking up instead of polling
//
// [State].Next is the first instant after now at which the state changes: a
// status turns, an action falls due. The state is the same at every instant in
// [now, Next), so a platform schedules one wake-up at Next (and one whenever an
// event arrives) instead of polling.
//
// # The board
//
// [NewBoard] computes many deliverables at once, on every CPU, and groups them
// for the weekly creator-ops check: waiting on the brand, waiting on the
// creator, at risk, breached, done; with the operational metrics (approval
// times, feedback rounds per deliverable, on-time posting rate) computed by
// package metrics from the same events.
package timeline
