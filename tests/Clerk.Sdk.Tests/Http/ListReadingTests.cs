using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Clerk.Http;
using Newtonsoft.Json;
using NUnit.Framework;

namespace Clerk.Sdk.Tests.Http;

/// <summary>
/// How a list response is read in each shape Clerk sends (a bare array; an object with <c>data</c> or one other array
/// property and <c>total_count</c>; the Frontend API's <c>response</c> beside the client), and what a body that is none
/// of these says.
/// </summary>
public class ListReadingTests
{
    private static async Task<(string Items, long? Total)> ReadAsync<T>(string json)
    {
        using var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(json) };
        var list = await ClerkResponseReader.ReadListAsync<T>(response, new JsonSerializerSettings(), "Test.List", CancellationToken.None);
        return (string.Join(",", list.Items), list.TotalCount);
    }

    [TestCase("[1,2]", "1,2", null, TestName = "a bare array")]
    [TestCase("""{"data":[1,2],"total_count":7}""", "1,2", 7L, TestName = "data and total_count")]
    [TestCase("""{"total_count":7,"other":[9],"data":[1,2]}""", "1,2", 7L, TestName = "data wins over an array before it")]
    [TestCase("""{"data":[1,2],"other":[9]}""", "1,2", null, TestName = "data wins over an array after it")]
    [TestCase("""{"first":[1],"second":[2]}""", "1", null, TestName = "without data, the first array")]
    [TestCase("""{"name":"x","count":3,"nested":{"a":[5]},"tokens":[4]}""", "4", null, TestName = "other values are skipped")]
    [TestCase("""{"data":null,"total_count":0}""", "", 0L, TestName = "a null data is an empty page")]
    [TestCase("""{"data":[1],"data":null}""", "1", null, TestName = "a later null data does not empty the page")]
    [TestCase("""{"total_count":"7","data":[1]}""", "1", null, TestName = "a total that is not an integer is ignored")]
    [TestCase("""{"response":{"data":[3],"total_count":1},"client":{"id":"client_1"}}""", "3", 1L, TestName = "the Frontend API's response beside the client")]
    [TestCase("""{"response":[3,4],"client":null}""", "3,4", null, TestName = "a bare array under response")]
    public async Task EachShape_IsRead(string json, string items, long? total) =>
        Assert.That(await ReadAsync<int>(json), Is.EqualTo((items, total)));

    [Test]
    public async Task DateLikeStrings_StayAsWritten() =>
        Assert.That((await ReadAsync<string>("""["2024-01-02T03:04:05Z"]""")).Items, Is.EqualTo("2024-01-02T03:04:05Z"));

    [TestCase("", "The body is empty.")]
    [TestCase("5", "A list was expected, not Integer.")]
    [TestCase("""{"total_count":3}""", "The list object has no items array.")]
    public void ABodyThatIsNoList_SaysWhy(string json, string why)
    {
        var error = Assert.ThrowsAsync<ClerkApiException>(() => ReadAsync<int>(json))!;
        Assert.That(error.Message, Does.StartWith("Could not read the response body as a list of System.Int32: " + why.TrimEnd('.') + " (HTTP 200)"));
    }
}
