namespace MimicEye.Pipeline.StayMatching;

/// <summary>A rule set's decision for one image, given the ED stays of its subject.</summary>
interface IStayRule
{
    StayMatch Match(string studyDate, string studyTime, IReadOnlyList<EdStay> stays);
}
